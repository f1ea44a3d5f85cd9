//! Figures as JSON: an open bound is infinite ("at least 40" has no upper
//! bound), which JSON has no number for (serde_json writes `null` and
//! cannot read it back). Finite figures are numbers; the infinities are
//! the strings "inf" and "-inf", so `extract`'s lines read back exactly.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Figure {
    Number(f64),
    Word(String),
}

fn to_figure(x: f64) -> Figure {
    if x.is_finite() {
        Figure::Number(x)
    } else if x.is_nan() {
        Figure::Word("nan".into())
    } else if x > 0.0 {
        Figure::Word("inf".into())
    } else {
        Figure::Word("-inf".into())
    }
}

fn from_figure<E: serde::de::Error>(f: Figure) -> Result<f64, E> {
    match f {
        Figure::Number(x) => Ok(x),
        Figure::Word(w) => match w.as_str() {
            "inf" => Ok(f64::INFINITY),
            "-inf" => Ok(f64::NEG_INFINITY),
            "nan" => Ok(f64::NAN),
            other => Err(E::custom(format!("`{other}` is not a figure"))),
        },
    }
}

pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    to_figure(*x).serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    from_figure(Figure::deserialize(d)?)
}

/// The same for an optional figure.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        x.map(to_figure).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<Figure>::deserialize(d)?
            .map(from_figure)
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Bounds {
        #[serde(with = "super")]
        low: f64,
        #[serde(with = "super")]
        high: f64,
        #[serde(with = "super::option")]
        about: Option<f64>,
    }

    #[test]
    fn open_bounds_read_back() {
        let b = Bounds {
            low: 40.0,
            high: f64::INFINITY,
            about: None,
        };
        let line = serde_json::to_string(&b).unwrap();
        assert_eq!(line, r#"{"low":40.0,"high":"inf","about":null}"#);
        assert_eq!(serde_json::from_str::<Bounds>(&line).unwrap(), b);
        let c = Bounds {
            low: f64::NEG_INFINITY,
            high: 0.5,
            about: Some(0.1),
        };
        let line = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Bounds>(&line).unwrap(), c);
    }
}
