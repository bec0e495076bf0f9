using System.Reflection;
using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Silo.Runtime;

/// <summary>A grain implementation class: its grain type name and how to construct an activation of it.</summary>
internal sealed class GrainClass
{
    private readonly ObjectFactory factory;
    private readonly PersistentStateParameter[] persistentStates;

    public GrainClass(Type classType)
    {
        ClassType = classType;
        TypeName = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(classType);
        var constructors = classType.GetConstructors();
        if (constructors.Length != 1)
        {
            throw new InvalidOperationException($"Grain class {classType.FullName} must have exactly one public constructor; it has {constructors.Length}.");
        }

        persistentStates = constructors[0].GetParameters()
            .Select(parameter => (parameter, attribute: parameter.GetCustomAttribute<PersistentStateAttribute>()))
            .Where(p => p.attribute is not null)
            .Select(p => PersistentStateParameter.Create(classType, p.parameter, p.attribute!))
            .ToArray();
        factory = ActivatorUtilities.CreateFactory(classType, persistentStates.Select(p => p.ParameterType).ToArray());
    }

    public Type ClassType { get; }

    public string TypeName { get; }

    /// <summary>
    /// Constructs the grain inside <see cref="GrainContextScope"/> (so <see cref="Grain"/> finds its context) and
    /// returns it with its persistent states, which the caller reads before <c>OnActivateAsync</c>.
    /// </summary>
    public (Grain Grain, IPersistentStateLoader[] States) Construct(IGrainContext context)
    {
        var states = new IPersistentStateLoader[persistentStates.Length];
        var arguments = new object[persistentStates.Length];
        for (var i = 0; i < persistentStates.Length; i++)
        {
            states[i] = persistentStates[i].Bind(context.ActivationServices, context.GrainId);
            arguments[i] = states[i];
        }

        using (GrainContextScope.Enter(context))
        {
            return ((Grain)factory(context.ActivationServices, arguments), states);
        }
    }

    /// <summary>Orleans' convention: the class name in lower case without a trailing "Grain".</summary>
    private static string DefaultTypeName(Type classType)
    {
        var name = classType.Name;
        var backtick = name.IndexOf('`', StringComparison.Ordinal);
        if (backtick >= 0)
        {
            name = name[..backtick];
        }

        if (name.Length > "Grain".Length && name.EndsWith("Grain", StringComparison.Ordinal))
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    private sealed record PersistentStateParameter(
        Type ParameterType,
        string StateName,
        string StorageName,
        Func<IGrainStorage, string, GrainId, IPersistentStateLoader> CreateLoader)
    {
        public static PersistentStateParameter Create(Type classType, ParameterInfo parameter, PersistentStateAttribute attribute)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {classType.FullName} is marked [PersistentState] but is {type.Name}, not IPersistentState<T>.");
            }

            var stateType = type.GetGenericArguments()[0];
            var create = typeof(PersistentStateParameter).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(stateType)
                .CreateDelegate<Func<IGrainStorage, string, GrainId, IPersistentStateLoader>>();
            return new PersistentStateParameter(type, attribute.StateName, attribute.StorageName ?? GrainStorageNames.Default, create);
        }

        public IPersistentStateLoader Bind(IServiceProvider services, GrainId grainId)
        {
            var storage = services.GetKeyedService<IGrainStorage>(StorageName)
                ?? throw new InvalidOperationException(
                    $"No grain storage named '{StorageName}' is registered (state '{StateName}' of grain {grainId}); add one with e.g. silo.AddMemoryGrainStorage(\"{StorageName}\").");
            return CreateLoader(storage, StateName, grainId);
        }

        private static PersistentState<TState> CreateState<TState>(IGrainStorage storage, string stateName, GrainId grainId)
            where TState : new() =>
            new PersistentState<TState>(stateName, grainId, storage);
    }
}
