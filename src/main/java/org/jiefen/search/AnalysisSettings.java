package org.jiefen.search;

import org.jiefen.search.ElasticsearchProperties.ChineseAnalyzer;

/**
 * The analysis settings every index shares. Mappings only name {@code zh} (index time) and
 * {@code zh_search} (query time), so a cluster with smartcn or IK swaps the implementation without a
 * mapping change. The {@code lowercase} normalizer is for e-mail addresses.
 */
final class AnalysisSettings {

  private AnalysisSettings() {}

  static String json(ChineseAnalyzer analyzer) {
    return switch (analyzer) {
      // Every CJK character is its own token under the standard tokenizer; joining neighbours into
      // bigrams gives word-like terms, so "工资" matches inside "拖欠工资纠纷" but single characters do not.
      case BIGRAM -> """
          {"analysis": {
            "filter": {
              "zh_bigram": {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 2,
                            "output_unigrams": false, "token_separator": ""},
              "zh_bigram_search": {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 2,
                            "output_unigrams": false, "output_unigrams_if_no_shingles": true,
                            "token_separator": ""}
            },
            "analyzer": {
              "zh": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "zh_bigram"]},
              "zh_search": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "zh_bigram_search"]}
            },
            %s
          }}""".formatted(NORMALIZER);
      case SMARTCN -> custom("smartcn_tokenizer", "smartcn_tokenizer");
      // max_word indexes every dictionary word it finds; smart keeps queries to the likeliest segmentation
      case IK -> custom("ik_max_word", "ik_smart");
    };
  }

  private static final String NORMALIZER =
      "\"normalizer\": {\"lowercase\": {\"type\": \"custom\", \"filter\": [\"lowercase\"]}}";

  private static String custom(String indexTokenizer, String searchTokenizer) {
    return """
        {"analysis": {
          "analyzer": {
            "zh": {"type": "custom", "tokenizer": "%s", "filter": ["lowercase"]},
            "zh_search": {"type": "custom", "tokenizer": "%s", "filter": ["lowercase"]}
          },
          %s
        }}""".formatted(indexTokenizer, searchTokenizer, NORMALIZER);
  }
}
