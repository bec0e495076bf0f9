using System.Collections.Concurrent;
using System.Reflection;

namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// Maps grain interfaces to the classes implementing them: every non-abstract class deriving from
/// <see cref="Grain"/> in the registered assemblies, for each <see cref="IGrainWithStringKey"/> interface it implements.
/// </summary>
internal sealed class GrainClassRegistry
{
    private readonly ConcurrentDictionary<Type, GrainInterface> interfaces = new();

    public GrainClassRegistry(IEnumerable<GrainAssembly> assemblies)
    {
        var grainTypeNames = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var classType in assemblies.Select(a => a.Assembly).Distinct().SelectMany(ExportedGrainClasses))
        {
            var grainClass = new GrainClass(classType);
            if (grainTypeNames.TryGetValue(grainClass.TypeName, out var other) && other != classType)
            {
                throw new InvalidOperationException($"Grain classes {other.FullName} and {classType.FullName} both have grain type '{grainClass.TypeName}'.");
            }

            grainTypeNames[grainClass.TypeName] = classType;
            foreach (var interfaceType in classType.GetInterfaces().Where(IsGrainInterface))
            {
                var grainInterface = new GrainInterface(interfaceType, grainClass);
                if (!interfaces.TryAdd(interfaceType, grainInterface) && interfaces[interfaceType].GrainClass.ClassType != classType)
                {
                    throw new InvalidOperationException(
                        $"Grain interface {interfaceType.FullName} is implemented by both {interfaces[interfaceType].GrainClass.ClassType.FullName} and {classType.FullName}.");
                }
            }
        }
    }

    public GrainInterface Get(Type interfaceType) =>
        interfaces.TryGetValue(interfaceType, out var grainInterface)
            ? grainInterface
            : throw new InvalidOperationException(
                $"No grain class implements {interfaceType.FullName}; register its assembly with silo.AddGrains(typeof(SomeGrain).Assembly).");

    private static IEnumerable<Type> ExportedGrainClasses(Assembly assembly) =>
        assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && type.IsSubclassOf(typeof(Grain)));

    private static bool IsGrainInterface(Type type) =>
        type != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(type);
}
