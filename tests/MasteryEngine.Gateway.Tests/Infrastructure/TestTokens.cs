using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MasteryEngine.Gateway.Tests.Infrastructure;

/// <summary>Mints tokens the way an identity provider would, independently of the gateway's own issuer.</summary>
public static class TestTokens
{
    public const string Secret = "gateway-tests-secret-of-at-least-32-bytes!";

    public static string Student(string studentId) => Create(new() { ["sub"] = studentId, ["roles"] = new[] { "student" } });

    public static string Teacher(string teacherId, params string[] cohorts) =>
        Create(new() { ["sub"] = teacherId, ["roles"] = new[] { "teacher" }, ["cohorts"] = cohorts });

    public static string Admin(string adminId = "admin_1") => Create(new() { ["sub"] = adminId, ["roles"] = new[] { "admin" } });

    public static string Create(
        Dictionary<string, object> claims,
        string secret = Secret,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = (notBefore ?? now).AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), algorithm),
        });
    }

    public static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
