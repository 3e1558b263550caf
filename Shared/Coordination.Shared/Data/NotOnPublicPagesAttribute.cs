namespace Coordination.Shared.Data;

/// <summary>Rows of this entity are never shown on a visitor's page (a delivery log, a claim
/// table), so writing them evicts no cached page (<see cref="OutputCacheEviction"/>): a newsletter
/// marking 10,000 deliveries would otherwise empty the cache 10,000 times.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotOnPublicPagesAttribute : Attribute;
