package dev.lectern.adapters.lucene;

import java.io.IOException;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * A segment seen with only one organization's documents alive, so that adding it to another index
 * copies that organization's chunks and nothing else.
 */
final class OrgFilteredReader extends FilterCodecReader {
  private final FixedBitSet live;
  private final int numDocs;

  private OrgFilteredReader(CodecReader in, FixedBitSet live) {
    super(in);
    this.live = live;
    this.numDocs = live.cardinality();
  }

  /** {@code in} with every document but the live ones of {@code orgId} deleted. */
  static OrgFilteredReader of(CodecReader in, String orgId) throws IOException {
    FixedBitSet keep = new FixedBitSet(in.maxDoc());
    var terms = in.terms(LuceneChunkIndex.ORG);
    if (terms != null) {
      TermsEnum termsEnum = terms.iterator();
      if (termsEnum.seekExact(new Term(LuceneChunkIndex.ORG, orgId).bytes())) {
        PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
        Bits alive = in.getLiveDocs();
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (alive == null || alive.get(doc)) {
            keep.set(doc);
          }
        }
      }
    }
    return new OrgFilteredReader(in, keep);
  }

  @Override
  public Bits getLiveDocs() {
    return live;
  }

  @Override
  public int numDocs() {
    return numDocs;
  }

  @Override
  public CacheHelper getCoreCacheHelper() {
    return null;
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }
}
