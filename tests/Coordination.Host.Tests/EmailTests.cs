using Coordination.Shared.Email;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Tests;

/// <summary>E-mail through a real SMTP server (aiosmtpd on loopback) and to the pickup folder.</summary>
public sealed class EmailTests
{
    [Test]
    public async Task Smtp_delivers_a_message_to_a_real_server()
    {
        await using var server = await SmtpServer.StartAsync();
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = server.Port, SmtpSecurity = "None", FromAddress = "koordinaatio@example.fi" }));
        await sender.SendAsync(new EmailMessage("vastaanottaja@example.fi", "Väinö Vastaanottaja", "Hyvää päivää – Koordinaatio", "Tämä on testiviesti.", Headers: new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://example.fi/u/1>" }), CancellationToken.None);

        var messages = await server.WaitForAsync(1);
        Assert.That(messages, Has.Count.EqualTo(1));
        var message = messages[0];
        Assert.Multiple(() =>
        {
            Assert.That(message.Subject, Is.EqualTo("Hyvää päivää – Koordinaatio"));
            Assert.That(message.TextBody?.Trim(), Is.EqualTo("Tämä on testiviesti."));
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("vastaanottaja@example.fi"));
            Assert.That(message.Headers["List-Unsubscribe"], Is.EqualTo("<https://example.fi/u/1>"));
        });
    }

    [Test]
    public async Task Without_SMTP_messages_become_eml_files_in_the_pickup_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coordination-pickup-" + Guid.NewGuid().ToString("N"));
        var sender = new PickupFolderEmailSender(Options.Create(new EmailOptions()), folder);
        await sender.SendAsync(new EmailMessage("a@example.fi", null, "Otsikko", "Runko"), CancellationToken.None);
        var files = Directory.GetFiles(folder);
        Assert.That(files, Has.Length.EqualTo(1));
        Assert.That(files[0], Does.EndWith(".eml"));
        using var message = await MimeKit.MimeMessage.LoadAsync(files[0]);
        Assert.That(message.Subject, Is.EqualTo("Otsikko"));
        Directory.Delete(folder, recursive: true);
    }
}
