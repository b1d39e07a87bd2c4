package io.carebook.patients.documents;

import java.io.InputStream;

/**
 * Where the bytes of documents live, under keys that Carebook generates (never a name a person
 * typed). The local disk by default ({@link LocalDocumentStore}); an S3-compatible store can take
 * its place by implementing this.
 */
interface DocumentStore {

  void put(String key, byte[] bytes);

  InputStream open(String key);

  /** Removes bytes whose row never committed; documents in use are voided, never removed. */
  void discard(String key);
}
