using MasteryEngine.Silo.Redis;
using MasteryEngine.Testing;
using Orleans.Storage;

namespace MasteryEngine.Redis.Tests.Conformance;

/// <summary>Orleans' own memory storage: the reference the Redis storage is held to.</summary>
[Collection(RedisSiloCollection.Name)]
public sealed class MemoryGrainStorageConformanceTests(RedisSiloFixture fixture) : GrainStorageConformanceTests
{
    protected override IGrainStorage Storage => fixture.Silo.Storage(RedisSilo.MemoryStorageName);
}

/// <summary>The service's Redis storage on a standalone redis-server.</summary>
[Collection(RedisSiloCollection.Name)]
public sealed class RedisGrainStorageConformanceTests(RedisSiloFixture fixture) : GrainStorageConformanceTests
{
    protected override IGrainStorage Storage => fixture.Silo.Storage(MasteryRedisExtensions.StorageName);
}

/// <summary>The same storage on a sharded 3-master Redis Cluster: keys of different grains land on different nodes.</summary>
public sealed class RedisClusterGrainStorageConformanceTests(RedisClusterSiloFixture fixture)
    : GrainStorageConformanceTests, IClassFixture<RedisClusterSiloFixture>
{
    protected override IGrainStorage Storage => fixture.Silo.Storage(MasteryRedisExtensions.StorageName);
}
