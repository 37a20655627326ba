//! The command line: every subcommand, its arguments and its `--help`, declared once with clap.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// parallax: read a corpus of news articles.
///
/// A folder means its article files (hidden files and `.toml` sidecars aside); every readable file
/// is processed even when others fail, and each bad or skipped path is named on stderr.
#[derive(Parser, Debug)]
#[command(name = "parallax", version, after_help = crate::limits_help())]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Parse article files and print their metadata and blocks.
    Parse {
        /// Article files or folders of articles.
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        paths: Vec<PathBuf>,
        /// Print a JSON array, one object per document.
        #[arg(long)]
        json: bool,
    },
    /// Parse a folder and write the binary bundle the web app loads.
    ///
    /// No bundle is written when an input is missing or no article was read.
    Bundle {
        /// Folders (or files) of articles.
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        paths: Vec<PathBuf>,
        /// Where to write the bundle (its folder is created).
        #[arg(
            short,
            long,
            value_name = "FILE",
            required_unless_present = "shards",
            conflicts_with = "shards"
        )]
        output: Option<PathBuf>,
        /// Write a sharded corpus into this folder instead of one file: corpus.bin (the manifest:
        /// metadata, facets, entities, where everything else is), index/ (index shards by term,
        /// and the vocabulary) and docs/ (document chunks), every file but the manifest named by
        /// its checksum. The app reads it piece by piece, as a query or a view needs it.
        #[arg(long, value_name = "FOLDER")]
        shards: Option<PathBuf>,
        /// With --shards: the size an index shard is cut at, in KB of data before compression
        /// (a query fetches the shards of its words) [default: 64].
        #[arg(long, value_name = "KB", requires = "shards")]
        index_shard_kb: Option<usize>,
        /// With --shards: the size a document chunk is cut at, in KB (a reader fetches one
        /// chunk; a page of results one per result at most) [default: 32].
        #[arg(long, value_name = "KB", requires = "shards")]
        chunk_kb: Option<usize>,
    },
    /// Recognise people, organisations, places, groups, dates and numbers.
    Entities {
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        paths: Vec<PathBuf>,
        /// Print JSON Lines in the gold annotation format.
        #[arg(long)]
        json: bool,
        /// Use the general rules only, without the knowledge base.
        #[arg(long)]
        no_kb: bool,
    },
    /// Score entity recognition against gold annotations (exact span and type).
    Eval {
        /// The gold annotations, JSON Lines.
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        paths: Vec<PathBuf>,
        /// Use the general rules only, without the knowledge base.
        #[arg(long)]
        no_kb: bool,
    },
    /// Search a corpus: ranked documents with their best passages.
    ///
    /// Query: words (all must match, any form), "exact phrase", prefix*, -exclude, a OR b,
    /// outlet:NAME, author:NAME, after:YYYY[-MM[-DD]], before:YYYY[-MM[-DD]]. '' lists every
    /// document.
    Search(SearchArgs),
    /// Write N synthetic articles recombined from a seed corpus (for benchmarks).
    ///
    /// Every file says it is synthetic, in its first line and in its sidecar.
    GenCorpus {
        /// How many articles.
        #[arg(long, value_name = "N")]
        docs: usize,
        /// The random seed (the same seed gives the same corpus).
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// The folder to write to.
        #[arg(short, long, value_name = "FOLDER")]
        output: PathBuf,
        /// The seed corpus.
        #[arg(long, value_name = "FOLDER", default_value = "corpus")]
        corpus: PathBuf,
    },
    /// Compare articles: shared passages with word diffs, who speaks, framing words, distinctive
    /// words, numbers that disagree, and dates (possible re-publication).
    Compare {
        /// Two or more articles (files or folders).
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        paths: Vec<PathBuf>,
        /// Print the whole comparison as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// What `parallax search` is asked.
#[derive(Args, Debug)]
pub struct SearchArgs {
    /// The query (quote it; it may start with `-`).
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// The corpus folder.
    #[arg(long, value_name = "FOLDER", default_value = "corpus")]
    pub corpus: PathBuf,
    /// Print a JSON array (empty when nothing matches); notes go to stderr.
    #[arg(long)]
    pub json: bool,
    /// List every matching sentence instead of documents.
    #[arg(long, conflicts_with = "kwic")]
    pub passages: bool,
    /// A keyword-in-context concordance.
    #[arg(long)]
    pub kwic: bool,
    /// Order of the concordance lines.
    #[arg(long, value_enum, default_value = "document", requires = "kwic")]
    pub sort: Sort,
    /// At most this many results.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Which other names of an entity a query word also searches: `spelling` (Pashinyan also
    /// finds Pashinian), `all` (contested names too: Garabagh also finds Karabakh) or `off`.
    #[arg(long, value_enum, default_value = "spelling")]
    pub aliases: Aliases,
}

/// `--aliases`.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Aliases {
    Off,
    Spelling,
    All,
}

/// Order of concordance lines.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Sort {
    Document,
    Left,
    Right,
}
