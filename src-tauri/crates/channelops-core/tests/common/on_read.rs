//! A `cur::Source` that calls a function before each read of the source it wraps
//! (to count reads per object, or hold one back). `#[path]`-included by tests.

#![allow(dead_code)]

use std::sync::Arc;

use channelops_core::cur::{ObjectInfo, Source};
use channelops_core::error::CoreError;

pub struct OnRead<F: Fn(&str) + Send + Sync> {
    pub inner: Arc<dyn Source>,
    pub before: F,
}

impl<F: Fn(&str) + Send + Sync> Source for OnRead<F> {
    fn describe(&self) -> String {
        self.inner.describe()
    }
    fn list(&self) -> Result<Vec<ObjectInfo>, CoreError> {
        self.inner.list()
    }
    fn read_range(&self, key: &str, start: u64, len: u64) -> Result<Vec<u8>, CoreError> {
        (self.before)(key);
        self.inner.read_range(key, start, len)
    }
    fn region(&self) -> Result<Option<String>, CoreError> {
        self.inner.region()
    }
    fn is_local(&self) -> bool {
        self.inner.is_local()
    }
}
