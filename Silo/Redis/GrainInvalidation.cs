namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Published on <see cref="RedisOptions.InvalidationChannel"/> by every write and clear, in the same script:
/// the grain and state, its new ETag (null after a clear) and the silo that wrote it.
/// </summary>
public sealed record GrainInvalidation(string GrainType, string GrainKey, string StateName, string? ETag, string SiloId);
