using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MasteryEngine.ReviewAgent.Tests.Infrastructure;

/// <summary>Mints tokens the way an identity provider would, independently of the service's own issuer.</summary>
public static class TestTokens
{
    public const string Secret = "review-agent-tests-secret-of-at-least-32-bytes!";

    public static string Student(string studentId, string secret = Secret) => Create(studentId, "student", secret);

    public static string Admin(string adminId = "admin_1", string secret = Secret) => Create(adminId, "admin", secret);

    public static string Teacher(string teacherId) => Create(teacherId, "teacher", Secret);

    public static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    private static string Create(string subject, string role, string secret)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = new[] { role } },
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
    }
}
