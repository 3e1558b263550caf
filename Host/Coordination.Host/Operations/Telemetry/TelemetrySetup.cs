using System.Net;
using System.Security.Cryptography;
using System.Text;
using Coordination.Shared.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Coordination.Host.Operations.Telemetry;

/// <summary>Configuration sections Coordination:Metrics and Coordination:Health.</summary>
internal sealed class TelemetryOptions
{
    /// <summary>Serve /metrics for Prometheus. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Client networks (CIDR, comma-separated) that may scrape without a token; empty:
    /// none. Behind a reverse proxy that forwards headers, this is the client's address.</summary>
    public string AllowedNetworks { get; set; } = "127.0.0.0/8, ::1/128";

    /// <summary>A secret that, sent as "Authorization: Bearer …", lets a scraper in from anywhere.</summary>
    public string? BearerToken { get; set; }

    /// <summary>How often the waiting work (outboxes, mail) is measured for the gauges.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Coordination:Health:MaxLag: waiting longer than this makes /health/ready Degraded.</summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromMinutes(10);

    public IReadOnlyList<IPNetwork> Networks()
        => [.. AllowedNetworks.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(n => IPNetwork.Parse(n))];
}

internal static class TelemetrySetup
{
    /// <summary>The outbox as waiting work with its readiness check, and, when
    /// Coordination:Metrics:Enabled, OpenTelemetry metrics (ASP.NET Core, runtime, EF Core, the
    /// site's own meters) for the Prometheus exporter.</summary>
    public static IServiceCollection AddCoordinationTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Coordination:Metrics");
        services.Configure<TelemetryOptions>(section);
        services.Configure<TelemetryOptions>(o => o.MaxLag = configuration.GetValue("Coordination:Health:MaxLag", o.MaxLag));
        services.AddSingleton<IWaitingWork, OutboxWaiting>();
        services.AddHealthChecks().AddCheck<WaitingWorkHealthCheck>("waiting-work", HealthStatus.Degraded, ["ready"]);
        if (!section.GetValue<bool>(nameof(TelemetryOptions.Enabled)))
        {
            return services;
        }

        services.AddHostedService<WaitingWorkGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            // EF Core 9+ has its own meter; the site's meters are "Coordination" and "Coordination.<Module>".
            .AddMeter("Microsoft.EntityFrameworkCore", JobMetrics.MeterName, JobMetrics.MeterName + ".*")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>/metrics when enabled, for the allowed networks or the bearer token only.</summary>
    public static void MapCoordinationMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        var networks = options.Networks();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                if (Allows(context, options, networks))
                {
                    await next(context);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }), optionsName: null)
            // Not a signed-in user's endpoint: the gate above decides (networks or token).
            .AllowAnonymous();
    }

    internal static bool Allows(HttpContext context, TelemetryOptions options, IReadOnlyList<IPNetwork> networks)
    {
        if (options.BearerToken is { Length: > 0 } secret
            && context.Request.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), Encoding.UTF8.GetBytes(secret)))
        {
            return true;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }

        remote = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return networks.Any(n => n.Contains(remote));
    }
}
