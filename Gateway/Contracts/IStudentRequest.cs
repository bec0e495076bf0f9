namespace MasteryEngine.Gateway.Contracts;

/// <summary>A request body about one student, named by its <c>student_id</c>.</summary>
public interface IStudentRequest
{
    string? StudentId { get; }
}
