using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MasteryEngine.Silo.Hosting;

/// <summary>
/// The name a silo goes by in the membership table and in the <c>X-Served-By</c> header: the pod name in
/// Kubernetes (<c>POD_NAME</c>, stable in a StatefulSet), otherwise the machine name and silo port, so several
/// silos on one machine are told apart.
/// </summary>
public static class SiloName
{
    public const string PodNameVariable = "POD_NAME";

    public static string From(IConfiguration configuration, int siloPort) =>
        configuration[PodNameVariable] is { Length: > 0 } pod
            ? pod.Trim()
            : string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{siloPort}");
}
