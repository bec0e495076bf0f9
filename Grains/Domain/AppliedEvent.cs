namespace MasteryEngine.Grains.Domain;

/// <summary>An applied event id, remembered as its <see cref="EventFingerprint"/>, and the day it was applied.</summary>
public readonly record struct AppliedEvent(ulong Fingerprint, int Day);
