namespace MasteryEngine.Runtime.Storage;

/// <summary>
/// One readable copy of part of a grain's state: a name relative to the grain (<c>mastery:2026-11-22</c>, no
/// braces) and its JSON, already in the wire format operators expect.
/// </summary>
public sealed record ReadableStorageRecord(string Name, string Json);
