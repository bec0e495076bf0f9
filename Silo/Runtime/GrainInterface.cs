using System.Collections.Frozen;
using System.Reflection;

namespace MasteryEngine.Silo.Runtime;

/// <summary>A grain interface, the class implementing it, and its methods ready to be called.</summary>
internal sealed class GrainInterface
{
    public GrainInterface(Type interfaceType, GrainClass grainClass)
    {
        InterfaceType = interfaceType;
        GrainClass = grainClass;
        Methods = new[] { interfaceType }.Concat(interfaceType.GetInterfaces())
            .Where(type => type != typeof(IGrain) && type != typeof(IGrainWithStringKey))
            .SelectMany(type => type.GetMethods())
            .ToFrozenDictionary(method => method, GrainMethod.Create);
    }

    public Type InterfaceType { get; }

    public GrainClass GrainClass { get; }

    public FrozenDictionary<MethodInfo, GrainMethod> Methods { get; }
}
