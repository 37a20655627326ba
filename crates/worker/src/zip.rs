//! A store-only zip writer: the added articles and their sidecars as one `.zip`, ready to unpack
//! into `corpus/` of a fork. Articles are small text and the archive is made once per click,
//! so no compression: the format is then a header per file, the bytes, and a directory at the
//! end (PKWARE APPNOTE 6.3, sections 4.3.7, 4.3.12, 4.3.16). Names are UTF-8 (flag bit 11); the
//! times are fixed (1980-01-01), so the same files give the same archive.

/// CRC-32 (IEEE 802.3, reflected, as zip uses): a bitwise loop is enough for a download made
/// once per click, and needs no dependency.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// The archive of `files` (`(name, bytes)`, in this order). `None` when it would not fit the
/// classic format (a file or the archive past 4 GiB, more than 65,535 files), which the page
/// reports instead of writing a broken file.
pub fn store(files: &[(String, &[u8])]) -> Option<Vec<u8>> {
    let count = u16::try_from(files.len()).ok()?;
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, bytes) in files {
        let offset = u32::try_from(out.len()).ok()?;
        let size = u32::try_from(bytes.len()).ok()?;
        let name_len = u16::try_from(name.len()).ok()?;
        let crc = crc32(bytes);
        // Version 2.0, UTF-8 names, stored, 00:00 on 1980-01-01.
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes());
            v.extend_from_slice(&0x0800u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0x0021u16.to_le_bytes());
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&name_len.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);

        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes()); // made by
        common(&mut directory);
        directory.extend_from_slice(&0u16.to_le_bytes()); // comment length
        directory.extend_from_slice(&0u16.to_le_bytes()); // disk
        directory.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let dir_offset = u32::try_from(out.len()).ok()?;
    let dir_size = u32::try_from(directory.len()).ok()?;
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&dir_size.to_le_bytes());
    out.extend_from_slice(&dir_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    u32::try_from(out.len()).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn unzip_reads_back_every_file() {
        let files: Vec<(String, &[u8])> = vec![
            ("a_café.txt".into(), "Café\n".as_bytes()),
            ("a_café.toml".into(), b"outlet = \"X\"\n"),
            ("empty.txt".into(), b""),
        ];
        let zip = store(&files).unwrap();
        assert_eq!(
            store(&files).unwrap(),
            zip,
            "the same files give the same archive"
        );
        let dir = std::env::temp_dir().join(format!("parallax-zip-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.zip");
        std::fs::write(&path, &zip).unwrap();
        // Debian's unzip, when present, tests the CRCs and lists the names.
        if let Ok(out) = std::process::Command::new("unzip")
            .arg("-t")
            .arg(&path)
            .output()
        {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "{text}");
            // (Names are shown in the locale's encoding: checked below from the bytes.)
            assert!(text.contains("No errors"), "{text}");
            assert_eq!(text.matches(" OK").count(), 3, "{text}");
        }
        // The central directory names every file, in order, in UTF-8.
        let mut names = Vec::new();
        let mut at = zip
            .windows(4)
            .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
            .unwrap();
        while zip[at..].starts_with(&[0x50, 0x4b, 0x01, 0x02]) {
            let len = usize::from(u16::from_le_bytes([zip[at + 28], zip[at + 29]]));
            names.push(String::from_utf8(zip[at + 46..at + 46 + len].to_vec()).unwrap());
            at += 46 + len;
        }
        assert_eq!(names, ["a_café.txt", "a_café.toml", "empty.txt"]);
        // The end record names three files and the directory where it is.
        let end = &zip[zip.len() - 22..];
        assert_eq!(&end[..4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 3);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
