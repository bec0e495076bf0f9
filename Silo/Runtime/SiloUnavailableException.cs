namespace MasteryEngine.Silo.Runtime;

/// <summary>The silo is stopping and activates no more grains; the call was not delivered.</summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException() : this("The silo is stopping; the grain call was not delivered.") { }

    public SiloUnavailableException(string message) : base(message) { }

    public SiloUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
