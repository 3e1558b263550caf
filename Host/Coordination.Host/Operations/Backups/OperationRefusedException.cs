namespace Coordination.Host.Operations.Backups;

/// <summary>A backup or restore that must not go ahead; the message tells the operator why and what to do.</summary>
internal sealed class OperationRefusedException(string message) : Exception(message);
