namespace ScalingFit;

/// <summary>
/// The base of every error the ScalingFit library raises on purpose: bad input data, a fit that
/// cannot be made, an option that does not fit the data. Callers can catch this one type and show
/// its <see cref="Exception.Message"/>, which is written for a person.
/// </summary>
public class ScalingFitException : Exception
{
    /// <summary>Creates an exception with a message written for a person.</summary>
    public ScalingFitException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public ScalingFitException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// A fit that cannot be made as asked: too few points, a degenerate or collinear design,
/// a law that does not apply to the data.
/// </summary>
public class FitException : ScalingFitException
{
    /// <summary>Creates the exception.</summary>
    public FitException(string message) : base(message) { }
}

/// <summary>
/// An option or argument that is not valid (an unknown law, a malformed point, a constraint on a
/// parameter the law does not have). <see cref="Parameter"/> names the library's own parameter
/// (e.g. "LossFunction.Delta"), so that a program can say which of its options it came from.
/// </summary>
public class OptionException : ScalingFitException
{
    /// <summary>Creates the exception.</summary>
    public OptionException(string message) : base(message) { }

    /// <summary>Creates the exception for a named parameter of the library.</summary>
    /// <param name="parameter">The library's name of the parameter at fault, as Type.Property (e.g. "LossFunction.Delta").</param>
    /// <param name="message">What is wrong, written for a person, in the library's words.</param>
    public OptionException(string parameter, string message) : base(message) => Parameter = parameter;

    /// <summary>The library's name of the parameter at fault (Type.Property), or null.</summary>
    public string? Parameter { get; }

    /// <summary>Where in a text (a formula) the problem is, or null.</summary>
    public TextPosition? Position { get; init; }
}

/// <summary>A place in a line of text: a 1-based column (character index + 1) and the text itself.</summary>
/// <param name="Text">The text, e.g. a formula.</param>
/// <param name="Column">The 1-based column of the problem.</param>
public sealed record TextPosition(string Text, int Column)
{
    /// <summary>The text with a caret under the column, for a message: two lines.</summary>
    public string Pointer => $"  {Text}\n  {new string(' ', Math.Max(0, Column - 1))}^";
}
