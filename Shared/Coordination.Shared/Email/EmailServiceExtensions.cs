using Coordination.Shared.Data;
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
                ? new PickupBulkEmailSender(sp.GetRequiredService<IEmailSender>())
                : new SmtpBulkEmailSender(options);
        });
        return services;
    }
}
