namespace ScalingFit.Architecture;

/// <summary>
/// A checkpoint that cannot be read: a safetensors header that is truncated, runs past the end of
/// the file, is not valid JSON or names an unknown dtype; an index that points at a missing shard.
/// Carries the file and the tensor at fault; the message names them too.
/// </summary>
public sealed class CheckpointException : ScalingFitException
{
    /// <summary>Creates the exception; the message is prefixed with the file and the tensor.</summary>
    /// <param name="problem">What is wrong, as a sentence.</param>
    /// <param name="file">The file at fault.</param>
    /// <param name="tensor">The tensor (or index key) at fault, when known.</param>
    public CheckpointException(string problem, string file, string? tensor = null)
        : base($"{file}{(tensor is null ? "" : $", tensor '{tensor}'")}: {problem}")
    {
        Problem = problem;
        File = file;
        Tensor = tensor;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>The tensor (or index key) at fault, when known.</summary>
    public string? Tensor { get; }
}
