namespace Coordination.Shared.Email;

/// <summary>Configuration section Coordination:Email.</summary>
public sealed class EmailOptions
{
    public string FromAddress { get; set; } = "noreply@coordination.invalid";

    public string FromName { get; set; } = "Coordination";

    /// <summary>SMTP server; when empty, messages are written as .eml files to the pickup folder.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string SmtpSecurity { get; set; } = "Auto";

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The domain of Message-IDs: the host of Coordination:PublicBaseUrl (not the machine's name).</summary>
    public string? MessageIdDomain { get; set; }
    /// <summary>How long one SMTP command may take before the try counts as failed.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Default: "mail-pickup" under the data folder.</summary>
    public string? PickupDirectory { get; set; }
}
