using MasteryEngine.Runtime.Storage;
using MasteryEngine.Testing;

namespace MasteryEngine.Redis.Tests;

public class RedisGrainStorageConformanceTests(RedisStorageFixture fixture)
    : GrainStorageConformanceTests, IClassFixture<RedisStorageFixture>
{
    protected override IGrainStorage Storage => fixture.Storage;
}
