using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Shared.Messaging;

internal static class MessagingServiceExtensions
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection("Coordination:Outbox"));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<CommitSignalInterceptor>();
        services.AddSingleton<OutboxProcessor>();
        services.AddScoped<DeliveryAdministration>();
        services.AddSingleton<Republisher>();
        services.AddScoped<Modules.IHomeSectionSource, ParkedDeliveriesHomeSection>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
