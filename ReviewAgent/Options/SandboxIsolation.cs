namespace MasteryEngine.ReviewAgent.Options;

/// <summary>How analyser processes are confined, on top of the time, memory and output limits they always get.</summary>
public enum SandboxIsolation
{
    /// <summary>bubblewrap: no network, no view of the file system except /usr read-only and the submission's directory.</summary>
    Bubblewrap,

    /// <summary>Limits only, for hosts that forbid namespaces (an unprivileged pod): the pod itself must confine them.</summary>
    LimitsOnly,
}
