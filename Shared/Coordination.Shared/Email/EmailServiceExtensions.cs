using Coordination.Shared.Data;
using Coordination.Shared.Email.Queue;
using Coordination.Shared.Jobs;
using Coordination.Shared.Modules;
using Coordination.Shared.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coordination.Shared.Email;

internal static class EmailServiceExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Coordination:Email"));
        services.PostConfigure<EmailOptions>(o => o.MessageIdDomain ??= Uri.TryCreate(configuration[Web.PublicUrl.Key], UriKind.Absolute, out var site) ? site.Host : null);
        services.AddSingleton<IEmailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>();
            return string.IsNullOrWhiteSpace(options.Value.SmtpHost)
                ? new PickupFolderEmailSender(options, options.Value.PickupDirectory ?? Path.Combine(database.DataDirectory, "mail-pickup"))
                : new SmtpEmailSender(options);
        });
        services.AddSingleton<IBulkEmailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>();
            return string.IsNullOrWhiteSpace(options.Value.SmtpHost)
                ? new PickupBulkEmailSender(new PickupFolderEmailSender(options, options.Value.PickupDirectory ?? Path.Combine(database.DataDirectory, "mail-pickup")))
                : new SmtpBulkEmailSender(options);
        });
        return services;
    }

    /// <summary>The mail queue: its worker, the coordinators' view, its waiting measure (gauges and
    /// readiness) and the purge job.</summary>
    public static IServiceCollection AddMailQueue(this IServiceCollection services, IConfiguration configuration, ModuleCatalog catalog)
    {
        services.Configure<MailQueueOptions>(configuration.GetSection("Coordination:Mail"));
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailQueueProcessor>();
        services.AddScoped<MailQueueAdministration>();
        services.AddHostedService<MailQueueWorker>();
        services.AddSingleton<IWaitingWork, MailWaiting>();
        services.AddScoped<PurgeMailJob>();
        catalog.Jobs.Add(new RecurringJobDefinition(PurgeMailJob.Id, typeof(PurgeMailJob), "27 3 * * *"));
        return services;
    }
}
