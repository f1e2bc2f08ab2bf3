using System.Text;
using ScalingFit.Architecture;
using ScalingFit.Tests.Support;

namespace ScalingFit.Tests.Architecture;

/// <summary>
/// Headers the safetensors format forbids (the library rejects them: offsets that overlap, leave a
/// hole or stop short of the file, names twice, bytes that are not UTF-8, offsets that are not
/// numbers) and checkpoints whose index and shards disagree: each an error naming file and tensor.
/// </summary>
public class SafetensorsLayoutTests
{
    private static CheckpointException Fails(string header, long data, string name = "h.safetensors")
    {
        using var folder = new TempFolder();
        string file = SafetensorsFile.WriteRaw(folder.File(name), Encoding.UTF8.GetBytes(header), data);
        return Assert.Throws<CheckpointException>(() => Checkpoint.Read(file));
    }

    [Fact]
    public void Read_TwoTensorsOnTheSameBytes_IsAnOverlapNamingBoth()
    {
        // Counted before as 4 parameters in 8 bytes of F32: two tensors claiming one region.
        var e = Fails("""{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}""", 12);
        Assert.Equal("b", e.Tensor);
        Assert.Contains("overlap those of tensor 'a'", e.Message);
    }

    [Fact]
    public void Read_BytesBeforeTheFirstTensor_AreAHole()
    {
        var e = Fails("""{"a": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}""", 16);
        Assert.Equal("a", e.Tensor);
        Assert.Contains("bytes 0 to 8 belong to no tensor", e.Message);
    }

    [Fact]
    public void Read_BytesAfterTheLastTensor_BelongToNoTensor()
    {
        var e = Fails("""{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}""", 20);
        Assert.Null(e.Tensor);
        Assert.Contains("12 belong to no tensor", e.Message);
    }

    [Fact]
    public void Read_NameTwiceInOneHeader_IsAnError()
    {
        var e = Fails("""{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "a": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}""", 16);
        Assert.Equal("a", e.Tensor);
        Assert.Contains("appears twice", e.Message);
    }

    [Theory]
    [InlineData("[null, 8]")]
    [InlineData("[\"0\", \"8\"]")]
    [InlineData("[0.0, 8]")]
    public void Read_OffsetsThatAreNotWholeNumbers_NameTheTensor(string offsets)
    {
        var e = Fails("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": " + offsets + "}}", 8);
        Assert.Equal("w", e.Tensor);
        Assert.Contains("whole numbers", e.Message);
    }

    [Fact]
    public void Read_NameThatIsNotUtf8_SaysSo()
    {
        using var folder = new TempFolder();
        byte[] header = [.. Encoding.ASCII.GetBytes("{\""), 0xFF, 0xFE, .. Encoding.ASCII.GetBytes("\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}}")];
        string file = SafetensorsFile.WriteRaw(folder.File("u.safetensors"), header, 8);
        Assert.Contains("not valid UTF-8", Assert.Throws<CheckpointException>(() => Checkpoint.Read(file)).Message);
    }

    [Fact]
    public void Read_MetadataThatIsNotAnObject_IsAnError() =>
        Assert.Contains("__metadata__ must be an object",
            Fails("""{"__metadata__": 5, "w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}""", 8).Message);

    [Fact]
    public void Read_FolderWithIndexAndAConsolidatedCopy_CountsOnlyWhatTheIndexNames()
    {
        // Mistral publishes consolidated.safetensors beside the transformers shards: the same weights twice.
        using var folder = new TempFolder();
        var tensors = SafetensorsFile.Llama(64, 2, 4, 2, 128, 100, tied: false);
        SafetensorsFile.Write(folder.File("model-00001-of-00001.safetensors"), tensors);
        SafetensorsFile.Write(folder.File("consolidated.safetensors"), tensors.Select(t => ("consolidated." + t.Name, t.DataType, t.Shape)));
        var map = string.Join(",", tensors.Select(t => $"\"{t.Name}\": \"model-00001-of-00001.safetensors\""));
        File.WriteAllText(folder.File(Checkpoint.IndexName), $"{{\"weight_map\": {{{map}}}}}");
        var c = Checkpoint.Read(folder.Path);
        Assert.Equal(tensors.Sum(t => t.Shape.Aggregate(1L, (a, b) => a * b)), c.Total);
        Assert.Single(c.Files);
        Assert.Contains(c.Notes, n => n.Contains("left out consolidated.safetensors", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_IndexNamingATensorItsShardLacks_NamesBoth()
    {
        using var folder = new TempFolder();
        SafetensorsFile.Write(folder.File("m.safetensors"), [("a", "F32", [2])]);
        File.WriteAllText(folder.File("index.json"), """{"weight_map": {"a": "m.safetensors", "b": "m.safetensors"}}""");
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder.File("index.json")));
        Assert.Equal("b", e.Tensor);
        Assert.Contains("in m.safetensors, whose header does not list it", e.Message);
    }

    [Fact]
    public void Read_IndexNamingAFolder_SaysItIsAFolder()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("sub.safetensors"));
        File.WriteAllText(folder.File("index.json"), """{"weight_map": {"a": "sub.safetensors"}}""");
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder.File("index.json")));
        Assert.Contains("is a folder, not a .safetensors file (named by", e.Message);
    }

    [Theory]
    [InlineData("../outside.safetensors")]
    [InlineData("/etc/passwd")]
    public void Read_IndexNamingAFileOutsideItsFolder_IsRefused(string shard)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("index.json"), "{\"weight_map\": {\"a\": \"" + shard + "\"}}");
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder.File("index.json")));
        Assert.Equal("a", e.Tensor);
        Assert.Contains("outside the index's folder", e.Message);
    }

    [Fact]
    public void Read_IndexTotalSizeThatIsNotANumber_IsNotedNotACrash()
    {
        using var folder = new TempFolder();
        SafetensorsFile.Write(folder.File("m.safetensors"), [("a", "F32", [2])]);
        File.WriteAllText(folder.File("index.json"), """{"metadata": {"total_size": "8"}, "weight_map": {"a": "m.safetensors"}}""");
        var c = Checkpoint.Read(folder.File("index.json"));
        Assert.Null(c.DeclaredTotalSize);
        Assert.Contains(c.Notes, n => n.Contains("total_size (\"8\") is not a whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CausalMasksAndRotaryFrequencies_AreBuffersLeftOutOfTheTotal()
    {
        // GPT-2 and GPT-NeoX checkpoints save attn.bias (a 1×1×n×n causal mask), masked_bias and inv_freq beside
        // the weights: before, a mask counted n² "attention parameters" per layer.
        using var folder = new TempFolder();
        string file = SafetensorsFile.Write(folder.File("gpt2.safetensors"),
        [
            ("h.0.attn.c_attn.weight", "F32", [64, 192]), ("h.0.attn.c_attn.bias", "F32", [192]),
            ("h.0.attn.bias", "F32", [1, 1, 1024, 1024]), ("h.0.attn.masked_bias", "F32", []),
            ("gpt_neox.layers.0.attention.rotary_emb.inv_freq", "F32", [8]),
        ]);
        var c = Checkpoint.Read(file);
        Assert.Equal(64 * 192 + 192, c.Total);
        Assert.Equal(1024 * 1024 + 1 + 8, c.Groups["buffers"]);
        Assert.Contains(c.Notes, n => n.Contains("buffers", StringComparison.Ordinal) && n.Contains("not parameters", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SymbolicLinkLoop_IsAnErrorNamingTheFile()
    {
        using var folder = new TempFolder();
        File.CreateSymbolicLink(folder.File("a.safetensors"), folder.File("b.safetensors"));
        File.CreateSymbolicLink(folder.File("b.safetensors"), folder.File("a.safetensors"));
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Read(folder.File("a.safetensors")));
        Assert.Equal(folder.File("a.safetensors"), e.File);
        Assert.Contains("cannot be read", e.Message);
    }
}
