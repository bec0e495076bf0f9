namespace MasteryEngine.Gateway.Tests.MultiGateway;

/// <summary>The tests sharing one <see cref="ThreeGatewayFixture"/>: they run one after the other, so a killed gateway never surprises another test.</summary>
[CollectionDefinition(Name)]
public sealed class ThreeGatewayCollection : ICollectionFixture<ThreeGatewayFixture>
{
    public const string Name = "three gateways on one Redis";
}
