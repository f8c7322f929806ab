#!/usr/bin/env bash
# Writes COUNT sync definitions (a mix of every destination kind, with and without windows and
# options) and one repository per 20 definitions into DIR, one file per definition.
# Every definition is valid and targets its own folder, so the build is clean.
set -euo pipefail
dir=$1
count=${2:-500}
mkdir -p "$dir"

repositories=$(( (count + 19) / 20 ))
for ((r = 1; r <= repositories; r++)); do
  cat >"$dir/Repository$r.cs" <<CS
using SyncConfig;

namespace Bench.Definitions;

[SyncRepository(@"D:\\Backups\\Repository$r")]
public partial class Repository$r;
CS
done

for ((i = 1; i <= count; i++)); do
  repository="Repository$(( (i - 1) / 20 + 1 ))"
  common="Repository = typeof($repository), FolderName = \"Site$i\""
  case $(( i % 8 )) in
    0) destination="[NetworkShareSync(@\"\\\\nas$(( i % 7 )).corp.example\\offsite\\team$i\", $common, UserName = @\"CORP\\svc-backup\", Password = \"\$(NAS_PASSWORD)\")]" ;;
    1) destination="[LocalPathSync(@\"E:\\Offsite\\Team$i\", $common)]" ;;
    2) destination="[LocalPathSync(\"/mnt/offsite/team$i\", $common)]" ;;
    3) destination="[FileTransferSync(FileTransferProtocol.Sftp, \"sftp$(( i % 5 )).example.com/srv/backups/team$i\", $common, Port = 2222, UserName = \"backup\", Password = \"\$(SFTP_PASSWORD)\", HostKeyFingerprint = \"SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\")]" ;;
    4) destination="[FileTransferSync(FileTransferProtocol.Ftps, \"ftp.example.com/backups/team$i\", $common, UserName = \"backup\", Password = \"\$(FTP_PASSWORD)\")]" ;;
    5) destination="[S3Sync(S3Service.Amazon, Bucket = \"acme-offsite-$i\", Region = \"eu-west-1\", RootPath = \"teams/team$i\", $common, AccessKey = \"\$(AWS_KEY)\", SecretKey = \"\$(AWS_SECRET)\")]" ;;
    6) destination="[S3Sync(S3Service.Wasabi, Bucket = \"acme-wasabi-$i\", Region = \"eu-central-2\", RootPath = \"teams/team$i\", $common, AccessKey = \"\$(WASABI_KEY)\", SecretKey = \"\$(WASABI_SECRET)\")]" ;;
    7) destination="[S3Sync(S3Service.Custom, Endpoint = \"minio.corp.example:9000\", Bucket = \"offsite\", Region = \"us-east-1\", RootPath = \"team$i\", $common, AccessKey = \"\$(MINIO_KEY)\", SecretKey = \"\$(MINIO_SECRET)\")]" ;;
  esac
  options=""
  if (( i % 3 == 0 )); then options+=$'\n[SyncWindow("22:00", "05:00", Days = SyncDays.Weekdays)]'; fi
  if (( i % 4 == 0 )); then options+=$'\n[PerFolderUpload]'; fi
  if (( i % 5 == 0 )); then options+=$'\n[AllowBackupsDuringSync]'; fi
  cat >"$dir/Sync$i.cs" <<CS
using SyncConfig;

namespace Bench.Definitions;

$destination$options
public partial class Sync$i;
CS
done
