namespace MasteryEngine.Runtime;

/// <summary>Identity of a grain: its type name (e.g. <c>student</c>) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
