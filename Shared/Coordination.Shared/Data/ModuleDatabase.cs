namespace Coordination.Shared.Data;

/// <summary>A module and the DbContext type that owns its data.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType);
