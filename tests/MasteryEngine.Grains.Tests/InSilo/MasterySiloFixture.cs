using MasteryEngine.Testing;

namespace MasteryEngine.Grains.Tests.InSilo;

/// <summary>One silo shared by the tests of <see cref="MasterySiloCollection"/>; each test uses fresh keys and never moves the clock.</summary>
public sealed class MasterySiloFixture : IAsyncLifetime
{
    public TestSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await MasterySilo.StartAsync();

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class MasterySiloCollection : ICollectionFixture<MasterySiloFixture>
{
    public const string Name = "mastery silo";
}
