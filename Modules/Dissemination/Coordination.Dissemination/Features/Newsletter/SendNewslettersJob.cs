using Coordination.Shared.Jobs;

namespace Coordination.Dissemination.Features.Newsletter;

/// <summary>Every minute: starts the issues whose time has come and sends what is pending (an
/// issue another run holds is left to that run).</summary>
internal sealed class SendNewslettersJob(IssueSender sender) : IRecurringJob
{
    public const string Id = "newsletter-send";

    public Task RunAsync(CancellationToken cancellationToken) => sender.RunAsync(cancellationToken);
}
