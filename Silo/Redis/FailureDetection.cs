using Orleans.Configuration;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Membership tuned for an interactive API. Orleans' defaults (5 s probes, 3 misses) declare a kill -9'd silo dead
/// after about 13 s; its students are unreachable until then. Probing every second and declaring death after 2
/// missed probes brings that to about 2 s on a LAN, so a dead silo's students answer on the survivors within the
/// 5 s target. Two votes are still needed, and with three or more silos one silo alone cannot evict another
/// (with two silos Orleans needs only one vote: run three). Values from <c>Orleans:Membership</c> win.
/// </summary>
public static class FailureDetection
{
    public static void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 2;
        // The membership table is read again soon after a change instead of once a minute, so silos that missed
        // a gossip message still learn of a death within seconds.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
    }
}
