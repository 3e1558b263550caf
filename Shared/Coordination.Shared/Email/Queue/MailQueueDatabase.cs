using System.Text.Json;
using Coordination.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Shared.Email.Queue;

/// <summary>A database that keeps a mail queue (every module's, and the Host's identity database)
/// and the audit trail a coordinator's retry is written to.</summary>
public interface IMailQueueDatabase
{
    DbSet<QueuedMail> MailQueue { get; }

    DbSet<AuditEntry> AuditEntries { get; }
}

public static class MailQueueExtensions
{
    /// <summary>Adds an e-mail to the queue; it is stored by the next SaveChanges, in the same
    /// transaction as the change that causes it, and sent in the background. <paramref name="key"/>
    /// names this message to this recipient: a second mail with the same key is refused by the
    /// database, so give a request that asks for the mail again (a new link) a new key.</summary>
    public static QueuedMail QueueMail(this IMailQueueDatabase db, EmailMessage message, string key, DateTime nowUtc)
    {
        var mail = new QueuedMail
        {
            Id = Guid.CreateVersion7(),
            Key = key.Length > 200 ? key[..200] : key,
            ToAddress = message.ToAddress,
            ToName = message.ToName,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Headers = message.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers) : null,
            Status = MailStatus.Waiting,
            CreatedAt = nowUtc,
            NextAttemptAt = nowUtc,
        };
        db.MailQueue.Add(mail);
        return mail;
    }

    /// <summary>The queued mail as a message to send, with its id as the Message-ID.</summary>
    internal static EmailMessage ToMessage(this QueuedMail mail, string messageIdDomain)
    {
        var headers = mail.Headers is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(mail.Headers)!;
        headers.TryAdd("Message-Id", $"<{mail.Id:N}@{messageIdDomain}>");
        return new EmailMessage(mail.ToAddress, mail.ToName, mail.Subject, mail.TextBody, mail.HtmlBody, headers);
    }

    /// <summary>Maps the MailQueue table (call from OnModelCreating).</summary>
    public static ModelBuilder AddMailQueue(this ModelBuilder modelBuilder)
        => modelBuilder.Entity<QueuedMail>(e =>
        {
            e.ToTable("MailQueue");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.ToAddress).HasMaxLength(254);
            e.Property(x => x.ToName).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(500);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => x.CreatedAt);
        });
}
