namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// Hands out grain references. A reference to a resident grain is cached on its activation, so asking for the
/// same grain again allocates nothing; other references are created on demand (they hold no activation).
/// </summary>
internal sealed class GrainFactory(GrainClassRegistry registry, GrainActivationCatalog catalog) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var grainInterface = registry.Get(typeof(TGrainInterface));
        var grainId = new GrainId(grainInterface.GrainClass.TypeName, key);
        var activation = catalog.Find(grainId);
        if (activation?.Reference is TGrainInterface cached)
        {
            return cached;
        }

        var reference = GrainReference.Create<TGrainInterface>(catalog, grainInterface, grainId, activation);
        if (activation is not null)
        {
            activation.Reference = reference;
        }

        return reference;
    }
}
