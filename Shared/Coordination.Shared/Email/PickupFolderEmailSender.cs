using Microsoft.Extensions.Options;

namespace Coordination.Shared.Email;

/// <summary>The default sender of a fresh install: each message becomes an .eml file in the
/// pickup folder, which any mail client opens.</summary>
internal sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, string directory) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var mime = MimeMessageFactory.Create(options.Value, message);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var temporary = path + ".tmp";
        await mime.WriteToAsync(temporary, cancellationToken);
        // Rename last so a reader never sees half a message.
        File.Move(temporary, path);
    }
}
