namespace MasteryEngine.Silo.Runtime;

internal enum ActivationStatus
{
    /// <summary>Constructing the grain, reading its state, running OnActivateAsync; calls queue.</summary>
    Activating,
    /// <summary>Serving calls.</summary>
    Valid,
    /// <summary>Running OnDeactivateAsync; calls queue and are forwarded to a new activation afterwards.</summary>
    Deactivating,
    /// <summary>Gone from the catalog; a reference holding it asks the catalog again.</summary>
    Invalid,
}
