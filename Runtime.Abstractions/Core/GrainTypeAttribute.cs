namespace MasteryEngine.Runtime;

/// <summary>Names a grain class's type in <see cref="GrainId"/> and in storage keys (e.g. <c>student</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
