namespace Coordination.Benchmarks;

/// <summary>The { "id" } the API answers a create with.</summary>
internal sealed record IdResponse(Guid Id);
