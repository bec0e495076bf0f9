using MasteryEngine.Silo.Redis;

namespace MasteryEngine.Redis.Tests;

public sealed class RedisStorageKeysTests
{
    [Theory]
    [InlineData("", "student", "student_12345", "student:{student_12345}:state")]
    [InlineData("", "cohort", "c1", "cohort:{c1}:state")]
    [InlineData("", "batch", "batch_7", "batch:{batch_7}:state")]
    [InlineData("", "compliance-audit", "student_12345", "compliance-audit:{student_12345}:state")]
    [InlineData("me:", "student", "student_12345", "me:student:{student_12345}:state")]
    public void A_grains_state_key_is_type_hash_tagged_key_and_state(string prefix, string type, string key, string expected) =>
        Assert.Equal(expected, RedisStorageKeys.State(prefix, GrainId.Create(type, key)));

    [Theory]
    [InlineData("", "mastery-engine/members/prod")]
    [InlineData("me:", "me:mastery-engine/members/prod")]
    public void The_membership_key_is_scoped_by_service_and_cluster(string prefix, string expected) =>
        Assert.Equal(expected, RedisStorageKeys.Membership(prefix, "mastery-engine", "prod"));
}
