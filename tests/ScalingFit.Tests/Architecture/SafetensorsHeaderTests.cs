using System.Text;
using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>Safetensors headers written as the format specifies: counts, groups, shards, indexes, and bad files.</summary>
public class SafetensorsHeaderTests
{
    // A small Llama: d 64, 2 layers, 4 heads (2 key-value heads), MLP 128, vocabulary 100.
    private const long D = 64, Layers = 2, Kv = 32, Ff = 128, Vocab = 100;

    [Fact]
    public void Read_OneFile_CountsEveryElementByGroup()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.Write(folder.File("model.safetensors"), SafetensorsFile.Llama(D, Layers, 4, 2, Ff, Vocab, tied: false));
        var c = Checkpoint.Read(file);
        Assert.Equal(Vocab * D, c.Groups["embeddings"]);
        Assert.Equal(Layers * (2 * D * D + 2 * Kv * D), c.Groups["attention"]);
        Assert.Equal(Layers * 3 * Ff * D, c.Groups["mlp"]);
        Assert.Equal((2 * Layers + 1) * D, c.Groups["norms"]);
        Assert.Equal(Vocab * D, c.Groups["head"]);
        Assert.Equal(0, c.Groups["other"]);
        Assert.Equal(c.Tensors.Sum(t => t.Elements), c.Total);
        Assert.Equal(2 * c.Total, c.Bytes);                                                  // BF16
        Assert.Equal(c.Total, c.DataTypes["BF16"]);
    }

    [Fact]
    public void Read_IndexOfShards_ReadsEveryShardAndChecksTotalSize()
    {
        using var folder = new TempFolder();
        var tensors = SafetensorsFile.Llama(D, Layers, 4, 2, Ff, Vocab, tied: false);
        var first = tensors.Take(5).ToList();
        var second = tensors.Skip(5).ToList();
        SafetensorsFile.Write(folder.File("model-00001-of-00002.safetensors"), first);
        SafetensorsFile.Write(folder.File("model-00002-of-00002.safetensors"), second);
        long bytes = tensors.Sum(t => t.Shape.Aggregate(1L, (a, b) => a * b)) * 2;
        var map = string.Join(",", first.Select(t => $"\"{t.Name}\": \"model-00001-of-00002.safetensors\"")
            .Concat(second.Select(t => $"\"{t.Name}\": \"model-00002-of-00002.safetensors\"")));
        File.WriteAllText(folder.File("model.safetensors.index.json"), $"{{\"metadata\": {{\"total_size\": {bytes}}}, \"weight_map\": {{{map}}}}}");
        var c = Checkpoint.Read(folder.File("model.safetensors.index.json"));
        Assert.Equal(2, c.Files.Count);
        Assert.Equal(bytes, c.DeclaredTotalSize);
        Assert.Equal(bytes / 2, c.Total);
        Assert.Empty(c.Notes);
        var whole = Checkpoint.Read(folder.Path);                                             // the folder: the same shards
        Assert.Equal(c.Total, whole.Total);
    }

    [Fact]
    public void Read_IndexDeclaringAnotherSize_SaysSo()
    {
        using var folder = new TempFolder();
        SafetensorsFile.Write(folder.File("a.safetensors"), [("w", "F32", [3, 2])]);
        File.WriteAllText(folder.File("index.json"), "{\"metadata\": {\"total_size\": 99}, \"weight_map\": {\"w\": \"a.safetensors\"}}");
        var c = Checkpoint.Read(folder.File("index.json"));
        Assert.Contains(c.Notes, n => n.Contains("99", StringComparison.Ordinal) && n.Contains("24", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LargeSparseFile_ReadsOnlyTheHeader()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.Write(folder.File("big.safetensors"), [("model.embed_tokens.weight", "BF16", [65536, 32768])]);
        Assert.True(new FileInfo(file).Length > 4L << 30);                                   // 4 GiB of (sparse) data after the header
        Assert.Equal(65536L * 32768, Checkpoint.Read(file).Total);
    }

    [Fact]
    public void Read_QuantizationScales_AreLeftOutOfTheTotal()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.Write(folder.File("fp8.safetensors"),
            [("model.layers.0.mlp.down_proj.weight", "F8_E4M3", [256, 256]), ("model.layers.0.mlp.down_proj.weight_scale_inv", "F32", [2, 2])]);
        var c = Checkpoint.Read(file);
        Assert.Equal(256 * 256, c.Total);
        Assert.Equal(4, c.Groups["quantizationScales"]);
        Assert.Contains(c.Notes, n => n.Contains("quantization scales", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FileShorterThanLength_IsTruncated()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("t.safetensors"), [1, 2, 3]);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder.File("t.safetensors")));
        Assert.Contains("truncated: 3 bytes", e.Message);
        Assert.Equal(folder.File("t.safetensors"), e.File);
    }

    [Fact]
    public void Read_LengthPastEndOfFile_SaysByHowMuch()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.WriteRaw(folder.File("p.safetensors"), Encoding.UTF8.GetBytes("{}"), 0, declaredLength: 1000);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(file));
        Assert.Contains("header's length 1000 runs past the end of the file (2 bytes follow the length)", e.Message);
    }

    [Fact]
    public void Read_MalformedJson_SaysWhere()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.WriteRaw(folder.File("m.safetensors"), Encoding.UTF8.GetBytes("{\"w\": {\"dtype\": }"), 0);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(file));
        Assert.Contains("not valid JSON", e.Message);
        Assert.Contains("at byte", e.Message);
    }

    [Fact]
    public void Read_UnknownDtype_NamesTensorAndDtype()
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.WriteRaw(folder.File("d.safetensors"),
            Encoding.UTF8.GetBytes("{\"lm_head.weight\": {\"dtype\": \"Q4\", \"shape\": [2], \"data_offsets\": [0, 1]}}"), 1);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(file));
        Assert.Equal("lm_head.weight", e.Tensor);
        Assert.Contains("dtype 'Q4' is not one the safetensors format defines", e.Message);
    }

    [Theory]
    [InlineData("[0, 7]", 8, "span 7 bytes, but 2 elements of F32 take 8")]
    [InlineData("[0, 8]", 4, "past the 4 bytes of data")]
    [InlineData("[8, 0]", 8, "0 ≤ begin ≤ end")]
    public void Read_BadOffsets_NameTheTensor(string offsets, long data, string expected)
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.WriteRaw(folder.File("o.safetensors"),
            Encoding.UTF8.GetBytes($"{{\"w\": {{\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": {offsets}}}}}"), data);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(file));
        Assert.Equal("w", e.Tensor);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Read_TensorInTwoShards_IsAnError()
    {
        using var folder = new TempFolder();
        SafetensorsFile.Write(folder.File("a.safetensors"), [("w", "F32", [2])]);
        SafetensorsFile.Write(folder.File("b.safetensors"), [("w", "F32", [2])]);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder.Path));
        Assert.Contains("appears in", e.Message);
    }

    [Fact]
    public void Read_IndexNamingMissingShard_NamesIt()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("index.json"), "{\"weight_map\": {\"w\": \"gone.safetensors\"}}");
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder.File("index.json")));
        Assert.EndsWith("gone.safetensors", e.File);
        Assert.Contains("no such file", e.Message);
    }

    [Fact]
    public void Read_EmptyFolder_SaysSo()
    {
        using var folder = new TempFolder();
        Assert.Contains("no .safetensors files", Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder.Path)).Message);
    }
}
