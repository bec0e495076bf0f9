using MasteryEngine.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting.Kubernetes;

namespace MasteryEngine.Gateway.Tests.Hosting;

public sealed class KubernetesHostingGuardTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("10.96.0.1", true)]
    public void Kubernetes_hosting_is_used_exactly_when_the_kubelet_set_kubernetes_service_host(string? serviceHost, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [KubernetesHostingSiloExtensions.ServiceHostVariable] = serviceHost })
            .Build();
        var builder = Host.CreateApplicationBuilder();

        builder.UseOrleans(silo => silo.UseKubernetesHostingInCluster(configuration));

        Assert.Equal(expected, KubernetesHostingSiloExtensions.IsInCluster(configuration));
        Assert.Equal(expected, builder.Services.Any(d => d.ImplementationType == typeof(KubernetesClusterAgent) || d.ServiceType == typeof(KubernetesClusterAgent)));
    }
}
