namespace MasteryEngine.Grains.Domain;

/// <summary>Which components have been observed at least once (the first observation of an average sets it).</summary>
[Flags]
public enum ObservedComponents : byte
{
    None = 0,
    Completion = 1,
    Quiz = 2,
    Quality = 4,
}
