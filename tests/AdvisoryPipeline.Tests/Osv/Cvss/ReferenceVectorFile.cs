using System.Globalization;

namespace AdvisoryPipeline.Tests.Osv.Cvss;

/// <summary>One line of the shared reference files: a vector and the base score FIRST's calculator gives.</summary>
public sealed record ReferenceVector(int LineNumber, string Vector, string ExpectedScore);

/// <summary>
/// Reads <c>../shared/cvss-vectors/*.txt</c>: lines of the form <c>VECTOR - (base, temporal, environmental)</c>
/// (v3.1) or <c>VECTOR - (score,)</c> (v4.0). Only the first number is a base score; a malformed line fails the
/// read so that a damaged file cannot pass as fewer vectors.
/// </summary>
public static class ReferenceVectorFile
{
    public static IReadOnlyList<ReferenceVector> Read(string fileName)
    {
        var path = SharedData.PathOf("cvss-vectors", fileName);
        var vectors = new List<ReferenceVector>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var parts = line.Split(" - (", 2);
            var score = parts.Length == 2 ? parts[1].Split(',')[0] : "";
            if (!decimal.TryParse(score, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                throw new InvalidDataException($"{path}:{lineNumber}: not 'VECTOR - (score, ...)': {line}");
            vectors.Add(new ReferenceVector(lineNumber, parts[0], score));
        }
        return vectors;
    }
}
