using Microsoft.Extensions.Configuration;
using Orleans.Hosting;

namespace MasteryEngine.Silo.Hosting;

public static class KubernetesHostingSiloExtensions
{
    /// <summary>Set by the kubelet in every container of a pod.</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>
    /// Orleans' Kubernetes hosting when the process runs in a pod: silo name, advertised address and cluster
    /// identity from the downward-API variables (deploy/k8s/statefulset.yaml), and a deleted pod is declared dead
    /// at once instead of after the missed probes. Outside a cluster the package stops start-up (no namespace, no
    /// in-cluster configuration), so it is added only when <c>KUBERNETES_SERVICE_HOST</c> is set.
    /// </summary>
    public static ISiloBuilder UseKubernetesHostingInCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (IsInCluster(configuration))
        {
            silo.UseKubernetesHosting();
        }

        return silo;
    }

    public static bool IsInCluster(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[ServiceHostVariable]);
}
