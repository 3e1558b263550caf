using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Coordination.Shared.Email;
using Microsoft.Extensions.Options;

namespace Coordination.Host.Tests;

/// <summary>E-mail through a real SMTP server (aiosmtpd on loopback) and to the pickup folder.</summary>
public sealed class EmailTests
{
    [Test]
    public async Task Smtp_delivers_a_message_to_a_real_server()
    {
        var port = FreePort();
        // Not created here: aiosmtpd's Maildir creates it with its tmp/new/cur folders.
        var maildir = Path.Combine(Path.GetTempPath(), "coordination-smtp-" + Guid.NewGuid().ToString("N"));
        using var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", $"-m aiosmtpd -n -l 127.0.0.1:{port} -c aiosmtpd.handlers.Mailbox {maildir}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            await WaitForPortAsync(port);
            var sender = new SmtpEmailSender(Options.Create(new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, SmtpSecurity = "None", FromAddress = "koordinaatio@example.fi" }));
            await sender.SendAsync(new EmailMessage("vastaanottaja@example.fi", "Väinö Vastaanottaja", "Hyvää päivää – Koordinaatio", "Tämä on testiviesti.", Headers: new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://example.fi/u/1>" }), CancellationToken.None);

            var files = await Eventually.WaitForAsync(() => Task.FromResult(Directory.Exists(Path.Combine(maildir, "new")) ? Directory.GetFiles(Path.Combine(maildir, "new")) : []), f => f.Length > 0);
            Assert.That(files, Has.Length.EqualTo(1));
            using var message = await MimeKit.MimeMessage.LoadAsync(files[0]);
            Assert.Multiple(() =>
            {
                Assert.That(message.Subject, Is.EqualTo("Hyvää päivää – Koordinaatio"));
                Assert.That(message.TextBody?.Trim(), Is.EqualTo("Tämä on testiviesti."));
                Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("vastaanottaja@example.fi"));
                Assert.That(message.Headers["List-Unsubscribe"], Is.EqualTo("<https://example.fi/u/1>"));
            });
        }
        finally
        {
            server.Kill();
            Directory.Delete(maildir, recursive: true);
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("The SMTP server (python3-aiosmtpd) did not start: build/test.sh installs it.");
    }
}
