# コアのメッセージ（日本語）。ID は ../en/core.ftl と同じ（テストで確認）。

## オンボーディングの進捗：対応する人、妨げ、次の操作。

who-parent-admin = { $parent } の管理者
who-customer-admin = { $customer } の管理者（{ $contact }）
who-nobody-aws-delivers = 対応不要 — AWS が 24 時間以内に配信します
who-nobody = 対応不要
blocker-profile-later = プロファイルは「後で完了」で保存されています。
blocker-no-contract = 有効な契約がありません。クラウドアカウントを接続できません。
blocker-not-activated = 顧客の管理者による招待の有効化を待っています。
blocker-awaiting-delivery = CUR「{ $report }」の AWS による最初の配信を待っています。定義は正しい状態です（{ $since } に確認）。
blocker-cur-failed = CUR の検証に失敗しました。
next-complete-profile = 顧客プロファイルを完成させる
next-assign-contract = 契約を割り当てる
next-send-invitation = 招待を送る
next-connect-account = AWS 管理アカウントを接続する
next-set-up-cur = CUR を設定してバケットを入力する
next-open-cloudformation = AWS CloudFormation コンソールを開く
next-refresh-curs = CUR の一覧を更新する
next-fix-cur = CUR を修正して更新する
next-validate-cur = CUR を検証する
next-confirm = 確認して続行
next-link-or-complete = 新しいアカウントをリンクするか完了する
next-nothing = 対応不要

## 以前のバージョンが英語のまま保存した文（結果、バンドル、レポート）。

raw = { $text }

## ソースの検証：見つかった各レポートのチェック。

validation-choose-one = 有効な CUR が { $count } 件見つかりました（{ $names }）。使える CUR は 1 つだけです。使うものを選んでください。
validation-no-report = ここにはコストと使用状況レポート（CUR）が見つかりませんでした。最近レポートを作成した場合、最初の配信まで最大 24 時間かかります。そうでなければバケットとプレフィックスを確認してください。
remedy-new-legacy-cur = AWS Billing and Cost Management コンソールで Data Exports →「作成」を開き、「Legacy CUR export」を選び、「リソース ID を含める」と「分割コスト配分データ」にチェックを入れ、時間単位を「時間別」、形式を Parquet（または gzip CSV）にして us-east-1 の S3 バケットに配信してください。そのバケットをここに入力します。
check-legacy-focus = これは FOCUS エクスポート（{ $marker }）で、レガシーのコストと使用状況レポートではありません。サポートされるのはレガシー CUR だけです。
check-legacy-cur2 = これは CUR 2.0（Data Exports）のレポート（{ $marker }）で、レガシーのコストと使用状況レポートではありません。サポートされるのはレガシー CUR だけです。
check-legacy-data-exports-layout = これは CUR 2.0 / FOCUS の Data Exports の構成（data/BILLING_PERIOD=… フォルダー）で、レガシーのコストと使用状況レポートではありません。サポートされるのはレガシー CUR だけです。
check-legacy-data-exports-manifest = このマニフェストは Data Exports のマニフェスト（{ $marker } を含む）で、レガシー CUR のマニフェストではありません。サポートされるのはレガシー CUR だけです。
check-legacy-snake-csv = この CSV の列名は snake_case です。AWS はレガシー CSV レポートを category/Name 形式の列名（lineItem/ResourceId）で書きます。snake_case の CSV は CUR 2.0 のエクスポートや Parquet から変換したファイルによく見られるため、レガシー CUR とは確認できません。
remedy-legacy-snake-csv = このファイルが Data Exports の「Standard data export」のものなら、代わりに「Legacy CUR export」を作成してください。レガシー Parquet レポートを変換したコピーなら、元のファイルを検証してください。
check-legacy-pass = レガシーのコストと使用状況レポート（{ $format ->
        [gzip-csv] gzip CSV
        [zip-csv] ZIP CSV
        [plain-csv] 非圧縮の CSV
        [parquet] Parquet
       *[data] データ
    }）。
check-legacy-not-cur = このファイルはコストと使用状況レポートではありません。CUR の列（lineItem/UnblendedCost や identity/TimeInterval など）が 1 つもありません。
remedy-legacy-not-cur = 別のファイルではなく、レガシー CUR が配信されるバケット（またはフォルダー）を指定してください。
check-legacy-unknown = 読めるデータファイルがないため、レポートの種類はまだ判定できません。
check-no-data-files = データファイルはまだありません。
check-no-readable-file = 読めるデータファイルはまだありません。
check-format-zip = レポートは ZIP 圧縮です。サポートされるのは gzip CSV と Parquet だけです。
remedy-format-zip = 既存のレポートの圧縮形式は変更できません。Billing and Cost Management → Data Exports で、圧縮「GZIP」または形式「Parquet」（推奨）の新しいレガシー CUR エクスポートを作成し、それを使ってください。
check-format-plain = データファイルは非圧縮の CSV です。AWS はレガシー CUR を gzip CSV か Parquet で配信します。ローカルのコピーとしては問題ありませんが、S3 のレポートは gzip か Parquet である必要があります。
remedy-format-plain = Data Exports のレポートの圧縮が「GZIP」または形式が「Parquet」であることを確認してください。サポート用にレポートをコピーするときは、元の .csv.gz や .parquet ファイルのままにしてください。
check-format-parquet = Parquet（推奨）。
check-format-gzip = gzip 圧縮の CSV。
check-resource-ids-pass = リソース ID が含まれています（列 { $column }）。
check-resource-ids-fail = レポートにリソース ID が含まれていません。データに lineItem/ResourceId 列がありません。
remedy-resource-ids = 過去のデータにリソース ID は追加できません。Billing and Cost Management → Data Exports で、「リソース ID を含める」にチェックを入れた（分割コスト配分データあり、時間別の）新しいレガシー CUR エクスポートを作成し、それを使ってください。
check-split-pass = 分割コスト配分データが含まれています（splitLineItem 列）。
check-split-none = レポートに分割コスト配分データが含まれていません。splitLineItem 列がありません。
check-split-partial = レポートに分割コスト配分の列が足りません：{ $columns }。
remedy-split = Billing and Cost Management →「コスト管理の設定」で分割コスト配分データを有効にし、Data Exports でレガシー CUR を編集して「分割コスト配分データ」にチェックを入れてください。以後の配信に splitLineItem 列が含まれます。
check-hourly-unparsed = identity/TimeInterval の値を時間の区間として読めないため、時間単位を確認できません。
check-hourly-empty = サンプルした行の identity/TimeInterval が空のため、時間単位を確認できません。
remedy-hourly-refresh = 次の配信の後で更新してください。続く場合は、Data Exports でレポートが時間別であることを確認してください。
check-hourly-pass = 時間別：サンプルした { $total } 行すべての時間区間が 1 時間です。
check-hourly-fail = レポートは{ $span ->
        [daily] 日別
        [monthly] 月別
       *[other] 時間別ではありません
    }です：サンプルした { $total } 行のうち { $count } 行の区間が 1 時間ではなく { $span ->
        [hourly] 1 時間（時間別）
        [daily] 24 時間（日別）
        [monthly] { $n } 日（月別）
        [hours] { $n } 時間
       *[seconds] { $n } 秒
    }です。
remedy-hourly = 既存のレポートの時間単位は変更できません。Billing and Cost Management → Data Exports で、時間単位「時間別」の新しいレガシー CUR エクスポートを作成し、それを使ってください。
check-hourly-no-interval = データに identity/TimeInterval 列がないため、利用日時から時間単位を判断しました（{ $spans ->
        [none] 利用日時も読めませんでした
       *[other] 利用の開始・終了日時の区間：{ $spans }
    }）。{ $looks ->
        [hourly] 時間別のように見えます
       *[unsure] 時間別とは確認できません
    }。利用日時では時間単位を確実には判断できません（税金や一部の利用の行はより長い区間になります）。
remedy-hourly-no-interval = Billing and Cost Management → Data Exports で、レポートの時間単位が「時間別」であることを確認してください。AWS が配信するファイルには必ず identity/TimeInterval があります。
check-readable-manifest = マニフェストを読めません：{ $why }。
remedy-readable-manifest = AWS は配信のたびにマニフェストを書き直します。次の配信（最大 24 時間後）の後で更新してください。バケットのコピーを検証している場合は、マニフェストをもう一度コピーしてください。
check-readable-missing = マニフェストにあるデータファイルのうち { $count } 件がバケットにありません（例：{ $key }）。
remedy-readable-missing = AWS がまだこの配信を書き込んでいる可能性があります。1 時間後に更新してください。ファイルがないままなら、ライフサイクルルールや他の処理がレポートのプレフィックス配下のオブジェクトを削除していないか確認してください。
check-readable-bad = { $total } 件中 { $bad } 件のデータファイルを読めません。{ $key }：{ $why }。
remedy-readable-damaged = ファイルが壊れているか不完全です（アップロードやコピーの中断など）。バケットからもう一度ダウンロードするか、AWS の次の配信（最大 24 時間後）を待って更新してください。
check-readable-pass = { $count } 件のデータファイルすべてを正しく開いて読めました。
check-payer-no-id = 比較する AWS 管理アカウント ID が指定されていません。
check-payer-unknown = データからもマニフェストからも支払いアカウントを読めませんでした。
remedy-payer-unknown = レポートが AWS の管理（支払い）アカウントで作成されたことを確認してください。
check-payer-other = この CUR は支払いアカウント { $other } のもので、入力したアカウント（{ $expected }）のものではありません。
remedy-payer-other = 管理（支払い）アカウント { $expected } にサインインしてレガシー CUR を作成してください（メンバーアカウントで作成した CUR にはそのアカウントのコストしか含まれません）。{ $other } が管理アカウントなら、代わりに { $other } を入力してください。
check-payer-pass = 支払いアカウントは入力どおり { $expected } です。
check-fresh-none = まだデータが配信されていません。最初の配信はレポートの作成から最大 24 時間かかります。
remedy-fresh-none = 24 時間以内にレポートを作成した場合は対応不要です。後で戻って更新してください。
check-fresh-present = データがあります。
check-fresh-stale = 最新のデータは { $latest } のもので、それより新しい配信がありません。AWS は CUR を 1 日に数回更新します。
remedy-fresh-stale = Data Exports でレポートがまだ存在すること、バケットポリシーが billingreports.amazonaws.com にバケットへの書き込みをまだ許可していることを確認してください。
check-fresh-pass = データは配信されています。最新の請求期間は { $latest } です。
check-region-pass = バケットは us-east-1 にあります。
check-region-other = バケットは { $region } にあります。レガシー CUR は us-east-1（米国東部（バージニア北部））のバケットに配信する必要があります。
remedy-region = us-east-1 に S3 バケットを作成し、Data Exports でレガシー CUR を編集（または新規作成）してそのバケットに配信するようにし、そのバケットをここに入力してください。
check-region-local = ローカルのコピーです。バケットのリージョンはわかりません（確認するには --region を指定してください）。
check-region-unknown = バケットのリージョンを判定できませんでした。
evidence-uncompressed = 非圧縮の CSV ファイル
evidence-column-absent = ファイルのヘッダーにこの列がありません
evidence-columns-absent = ファイルのヘッダーにこれらの列がありません
evidence-no-interval = 列がありません。lineItem/UsageStartDate と lineItem/UsageEndDate から判断しました
evidence-not-found = マニフェストの reportKeys にありますが見つかりません
evidence-no-data-files = データファイルがありません

## AWS が示す CUR 定義（DescribeReportDefinitions）の判定。

def-legacy-pass = レガシーのコストと使用状況レポートの定義です（Data Exports → レガシー CUR エクスポート）。
def-format-parquet = Parquet で配信されます。
def-format-gzip = gzip 圧縮の CSV で配信されます。
def-format-fail = この定義は { $format } を { $compression } 圧縮で配信します。検証できるのは Parquet か gzip CSV だけです。
def-format-remedy = AWS Billing and Cost Management コンソールで Data Exports を開き、レガシー CUR エクスポート「{ $name }」を選んで Parquet（または GZIP 圧縮の CSV）を選んでください。AWS は既存の CUR の形式を変更しないため、新しい CUR が必要になる場合があります。
def-resource-ids-pass = リソース ID が含まれています。
def-resource-ids-fail = この定義にはリソース ID が含まれていません（追加スキーマ要素に RESOURCES がありません）。
def-resource-ids-remedy = AWS Billing and Cost Management コンソールで Data Exports を開き、レガシー CUR エクスポート「{ $name }」を選んで「編集」から「リソース ID を含める」にチェックを入れてください。配信済みのファイルにはリソース ID は付きません。
def-split-pass = 分割コスト配分データが含まれています。
def-split-fail = この定義には分割コスト配分データが含まれていません（追加スキーマ要素に SPLIT_COST_ALLOCATION_DATA がありません）。
def-split-remedy = AWS Billing and Cost Management コンソールで Data Exports を開き、レガシー CUR エクスポート「{ $name }」を選んで「編集」から「分割コスト配分データ」にチェックを入れてください（選べない場合は先に「コスト管理の設定」で有効にしてください）。
def-hourly-pass = 時間別の粒度です。
def-hourly-fail = この定義の時間単位は { $unit } です。レポートは時間別である必要があります。
def-hourly-remedy = AWS Billing and Cost Management コンソールで Data Exports を開き、レガシー CUR エクスポート「{ $name }」を選んで「編集」から時間単位を「時間別」にしてください。
def-billing-view-fail = この定義はアカウントのプライマリ以外の請求ビュー（AWS Billing Conductor のプロフォーマ CUR）を報告しており、AWS が請求するコストではありません。
def-billing-view-remedy = プライマリ請求ビュー（Data Exports の既定）のレガシー CUR エクスポートを作成し、それを使ってください。
def-billing-view-pass = アカウントの請求コスト（プライマリ請求ビュー）を報告します。
def-region-pass = バケットは us-east-1 にあります。
def-region-fail = この定義は { $region } のバケットに配信します。バケットは us-east-1 にある必要があります。
def-region-remedy = us-east-1 に S3 バケットを作成し、そこに配信するレガシー CUR エクスポートを作成してください（既存の CUR のリージョンは変更できません）。
def-bucket-where = 配信先は { $url } です。
def-bucket-other = この定義の配信先はバケット { $theirs } で、{ $entered } ではありません。
def-bucket-other-remedy = 代わりにバケット { $theirs }（プレフィックス「{ $prefix }」）を入力するか、{ $entered } に配信する CUR を使ってください。
def-prefix-other = この定義は { $theirs } の下に配信しますが、アプリは { $entered } の下を読みます。
def-prefix-other-remedy = ここに入力した S3 プレフィックスを「{ $prefix }」に変更してください（または空にしてください）。
def-bucket-pass = 入力したバケットの { $url } に配信します。
def-delivery-waiting = AWS はまだ配信していません。最初のファイルはレポートの作成から 24 時間以内に届きます。
def-delivery-pass = AWS が配信しました{ $when ->
        [none] {""}
       *[other] （最終配信 { $when }）
    }。
def-delivery-permissions = AWS はレポートを s3://{ $bucket } に書き込めませんでした{ $when ->
        [none] {""}
       *[other] （最終配信 { $when }）
    }。バケットポリシーが billingreports.amazonaws.com の配信を許可していません。
def-delivery-permissions-remedy = { $bucket } のポリシーに billingreports.amazonaws.com の配信用ステートメント（バケットの配信チェックに表示）を追加し、次の配信（最大 24 時間後）を待ってください。
def-delivery-no-bucket = AWS は配信できませんでした{ $when ->
        [none] {""}
       *[other] （最終配信 { $when }）
    }。バケット { $bucket } はもう存在しません。
def-delivery-no-bucket-remedy = 配信ポリシーを付けたバケット { $bucket } を us-east-1 に作成するか、既存のバケットに配信するレガシー CUR エクスポートを作成してください。
def-delivery-other = AWS が報告している配信ステータスは { $status } です{ $when ->
        [none] {""}
       *[other] （最終配信 { $when }）
    }。
def-delivery-other-remedy = Data Exports で CUR を開き、AWS の表示を確認してください。

## コアのエラー。

error-data-dir-unknown = このユーザーのデータフォルダーを決められません（ホームディレクトリが設定されていません）
remedy-data-dir-unknown = 環境変数 HOME（または CHANNELOPS_DATA_DIR）を書き込めるフォルダーに設定してから、アプリを起動し直してください。
error-io = { $path } を{ $action-key ->
        [write] 書き込め
        [open] 開け
        [create] 作成でき
        [read] 読め
        [inspect] 調べられ
        [compress] 圧縮でき
        [list] 一覧にでき
        [remove] 削除でき
        [truncate] 切り詰められ
        [protect] 保護でき
        [write-the-workspace-key] ワークスペースの鍵として書き込め
        [read-the-workspace-key] ワークスペースの鍵として読め
        [create-the-workspace-key] ワークスペースの鍵として作成でき
        [write-in-the-data-folder] データフォルダーとして書き込め
        [create-the-folder] フォルダーとして作成でき
        [create-the-data-folder] データフォルダーとして作成でき
        [read-the-log] ログとして読め
        [open-a-log-file-in] ログファイルの場所として開け
        [open-the-file-manager-on] ファイルマネージャーで開け
        [open-the-browser-or-mail-app-for] ブラウザーまたはメールアプリで開け
        [read-random-bytes-from] 乱数源として読め
        [start-the-AWS-runtime] AWS ランタイムとして開始でき
        [finish] 完了でき
       *[other] 「{ $action }」でき
    }ませんでした：{ $kind ->
        [not-found] 見つかりません
        [denied] アクセスが拒否されました
        [exists] すでに存在します
       *[other] { $detail }
    }
remedy-io-denied = { $path } の読み書き権限を自分のユーザーに与えて（または別のフォルダーを選んで）から、もう一度試してください。
remedy-io-not-found = { $path } が存在し、綴りが正しいことを確認してください。
remedy-io-loop = { $path } は自分自身に戻るシンボリックリンクです。指すべきファイルを選んでください。
remedy-io-read = { $path } が読めるファイルであることを確認して、もう一度試してください。
remedy-io-write = { $path } が空き容量のある書き込み可能なディスク上にあることを確認して、もう一度試してください。
error-cancelled = 操作は取り消されました
remedy-cancelled = 準備ができたらもう一度開始してください。
error-database = ローカルデータベースでエラーが発生しました：{ $detail }
remedy-database = 同じデータベースを使っている他のアプリを閉じてもう一度試してください。続く場合はバックアップからデータベースを復元してください。
error-schema-too-new = データベース { $path } は新しいバージョンの ChannelOps で書かれています（スキーマ { $found }、このバージョンは { $known } まで）
remedy-schema-too-new = このデータベースを書いた新しいバージョンの ChannelOps をインストールしてください（何も変更していません）。または --db で別のデータベースを開いてください。
error-not-found = { $what } が見つかりません
remedy-not-found = 名前または ID を確認してください（対応する `list` コマンドで一覧できます）。

## コマンドラインの表示の枠。

cli-error = エラー：{ $message }
cli-fix = 対処：{ $remedy }
cli-source = ソース：{ $source }
cli-report = レポート「{ $name }」（{ $kind }）{ $location } — { $valid ->
        [yes] 有効
       *[no] 無効
    }
cli-periods = 請求期間：{ $periods }（最新のもので判定）
cli-seen = 確認した内容：{ $parts }
cli-seen-file = ファイル { $v }
cli-seen-column = 列 { $v }
cli-seen-value = 値 { $v }
cli-no-valid = 有効な CUR はありません。
cli-valid = 有効な CUR：{ $names }
cli-read = { $total } のうち { $read }（{ $pct }%）を { $requests } 回の読み取りで読みました。
cli-part = パート { $part }
cli-next = 次：{ $next }

## Data Exports のエクスポート（CUR 2.0、FOCUS）：このアプリが読むものではありません。

export-not-legacy = 「{ $name }」は{ $place ->
        [none] {""}
       *[other] { $place } に配信する
    }{ $what ->
        [cur2] CUR 2.0 エクスポート（Data Exports の「Standard data export」）
        [focus] FOCUS エクスポート
       *[other] Data Exports のエクスポート
    }で、レガシー CUR ではありません。{ $denied ->
        [yes] AWS はこれを配信できないとも報告しています（INSUFFICIENT_PERMISSION）。
       *[no] {""}
    }
export-make-legacy = このアプリが読むのはレガシー CUR だけです。AWS Billing and Cost Management コンソールで Data Exports →「作成」を開き、「Legacy CUR export」を選び、「リソース ID を含める」と「分割コスト配分データ」にチェックを入れ、時間単位を「時間別」、形式を Parquet（または gzip CSV）にして us-east-1 の S3 バケットに配信してください。エクスポートはそのままでかまいません。

## CUR 用に入力したバケット（ユーザーの認証情報で確認）。

bucket-location-denied = { $bucket } に対する s3:GetBucketLocation が拒否されたため、リージョンを確認できません
bucket-location-denied-remedy = AWS 管理者に、arn:aws:s3:::{ $bucket } に対する s3:GetBucketLocation、s3:ListBucket、s3:GetObject の許可を依頼してください。
bucket-list-denied = バケット { $bucket } の一覧取得が拒否されました（s3:ListBucket）
bucket-list-denied-remedy = AWS 管理者に、自分のユーザーまたはロールに arn:aws:s3:::{ $bucket } に対する s3:ListBucket の許可を依頼してください。
bucket-kms-denied = { $bucket } のオブジェクトは、この認証情報では復号できない可能性のある KMS キーで暗号化されています
bucket-kms-denied-remedy = キーの所有者に、キーポリシーで自分のユーザーまたはロールに kms:Decrypt を許可するよう依頼してください（または CUR のバケットで SSE-S3 暗号化を使ってください）。
bucket-get-denied = { $bucket } のオブジェクトの読み取りが拒否されました（s3:GetObject）
bucket-get-denied-remedy = AWS 管理者に、自分のユーザーまたはロールに arn:aws:s3:::{ $bucket }/* に対する s3:GetObject の許可を依頼してください。

## 応答のなかった任意の AWS 呼び出し：それ以外はこの呼び出しなしで確認します。

unanswered-denied = { $message }。このため、この部分は確認していません
unanswered-denied-remedy = AWS 管理者に、自分のユーザーまたはロールに { $action } の許可を依頼してください（または許可のあるプロファイルを使ってください）。それ以外はこの許可なしで確認します。
unanswered-endpoint = エンドポイント { $url } は { $action } を提供していません（{ $message }）。このため、この部分は確認していません
unanswered-endpoint-remedy = ここで行うことはありません。AWS そのものに対してはこの部分も確認されます。それ以外はこの呼び出しなしで確認します。
unanswered-other = { $message }。このため、この部分は確認していません
unanswered-other-remedy = しばらくしてからもう一度試してください（更新）。それ以外はこの呼び出しなしで確認します。

## AWS がバケットに CUR を配信できるか：所有者、ポリシー、暗号化。

delivery-add-statements = 既存のステートメントは残したまま、次のステートメントを { $bucket } のバケットポリシーに追加してください（S3 コンソール → { $bucket } →「アクセス許可」→「バケットポリシー」→「編集」）。
delivery-no-policy = バケット { $bucket } にはバケットポリシーがないため、AWS は CUR を配信できません（{ $service } が許可されていません）。
delivery-policy-unreadable = { $bucket } のバケットポリシーを読めません：{ $why }。
delivery-policy-denies = { $bucket } のバケットポリシーは { $service } の { $actions } を拒否しています。
delivery-policy-denies-remedy = { $service } に一致する Deny ステートメントを削除するか範囲を狭めてから、下の配信用ステートメントを追加してください。
delivery-policy-lacks = { $bucket } のバケットポリシーは { $service } の { $actions } を許可していない（aws:SourceAccount { $account } と aws:SourceArn { $arn } の条件で）ため、AWS は CUR を配信できません。
delivery-policy-undecided = { $bucket } のバケットポリシーは、このアプリが評価できない条件付きでのみ { $service } を許可しています（{ $why }）。
delivery-policy-undecided-remedy = AWS が CUR について ERROR_PERMISSIONS を報告した場合は、その条件を aws:SourceAccount { $account } と aws:SourceArn { $arn } に置き換えてください。
delivery-policy-allows = バケットポリシーは { $service } が { $bucket } に配信することを許可しています。
delivery-sse-s3 = { $bucket } は S3 マネージドキー（SSE-S3）で暗号化されており、ベンダーのロールが読めます。
delivery-aws-managed-kms = { $bucket } は新しいオブジェクトを AWS マネージド KMS キー（aws/s3）で暗号化します。このキーポリシーは変更できないため、ベンダーのロールは CUR ファイルを復号できません。
delivery-aws-managed-kms-remedy = S3 コンソールで { $bucket } のデフォルト暗号化を SSE-S3（Amazon S3 マネージドキー）にするか、{ $service } に kms:GenerateDataKey、ベンダーのロールに kms:Decrypt を許可するキーポリシーのカスタマーマネージド KMS キーにしてください。
delivery-customer-kms = { $bucket } は新しいオブジェクトをカスタマーマネージド KMS キー { $key } で暗号化します。
delivery-customer-kms-remedy = キーポリシーが { $service } に kms:GenerateDataKey を、ベンダーのロールに kms:Decrypt を許可していることを確認してください。そうでないと AWS が配信できないか、ベンダーが読めません。
delivery-owner-pass = { $bucket } はアカウント { $account } のものです。
delivery-owner-foreign = { $bucket } は { $account } 以外の AWS アカウントのものです。AWS は CUR を作成したアカウントのバケットにしか配信しません。
delivery-owner-foreign-remedy = アカウント { $account } の us-east-1 にバケットを作成し、レガシー CUR をそこに配信してください。
delivery-policy-read-denied = { $bucket } のバケットポリシーの読み取りが拒否された（s3:GetBucketPolicy）ため、AWS がそこに配信できるかは確認していません。
delivery-policy-read-denied-remedy = AWS 管理者に arn:aws:s3:::{ $bucket } に対する s3:GetBucketPolicy の許可を依頼してから、更新してください。
delivery-encryption-read-denied = { $bucket } のデフォルト暗号化の読み取りが拒否されました（s3:GetEncryptionConfiguration）。
delivery-encryption-read-denied-remedy = AWS 管理者に arn:aws:s3:::{ $bucket } に対する s3:GetEncryptionConfiguration の許可を依頼してから、更新してください。

## 事前確認：サインインしているのは誰か、組織、各権限とその判定方法。

identity-root = アカウントのルートユーザーです。AWS は IAM ユーザーまたはロールでのサインインを推奨しています
identity-federated = フェデレーションユーザーのセッションには、ポリシーを読める IAM プリンシパルがありません
identity-sso-role-inferred = IAM Identity Center のロールです。パスは推定しました（iam:GetRole が拒否されました）
identity-role-path-unknown = iam:GetRole が拒否されたため、ロールのパスは不明で / とみなしています
org-management = 組織の管理アカウントです。
org-member = メンバーアカウントです。組織の管理アカウントは { $management } です。ここで作成した CUR にはこのアカウントのコストしか含まれません。管理アカウントにサインインしてください。
org-standalone = このアカウントは組織に属していません。自分の請求を支払うため、CUR にはすべてのコストが含まれます。
org-unknown = 管理アカウントかどうかは不明です（organizations:DescribeOrganization が拒否されました）。管理（支払い）アカウントにサインインしていることを確認してください。
pf-remedy = AWS 管理者に、自分のユーザーまたはロールに { $action } を許可する（または AdministratorAccess をアタッチする）よう依頼するか、その権限のあるプリンシパルでサインインしてください。
pf-blocker-account = AWS アカウント { $signed } にサインインしていますが、入力したアカウントは { $entered } です。アカウント { $entered } のプロファイルを選んでください（またはアカウント ID を修正してください）。
pf-blocker-denied = { $action } は拒否されています（理由と対処はその行を参照してください）。
pf-blocker-not-verified = { $action } は確認できませんでした（理由はその行を参照してください）。
pf-not-simulable = シミュレーションには IAM ユーザーかロールが必要です（ルートユーザーやフェデレーションセッションでは行えません）
pf-no-identity-policies = ルートユーザーとフェデレーションセッションには読むべきアイデンティティポリシーがありません
pf-allowed-by-policy = { $policy } により許可されています（アイデンティティポリシーを読み取りローカルで評価。サービスコントロールポリシーとアクセス許可の境界は見えません）
pf-denied-by-policy = { $policy } により明示的に拒否されています（アイデンティティポリシーを読み取りローカルで評価。サービスコントロールポリシーとアクセス許可の境界は見えません）
pf-no-policy-allows = { $resource } に対してこれを許可するアイデンティティポリシーはありません（アイデンティティポリシーを読み取りローカルで評価。サービスコントロールポリシーとアクセス許可の境界は見えません）
pf-policy-undecided = アイデンティティポリシーでは判定できませんでした：{ $reason }
pf-no-probe = この操作には無害な試行手段がありません
pf-sim-denied-call = iam:SimulatePrincipalPolicy が拒否されました
pf-sim-unavailable = iam:SimulatePrincipalPolicy を使えません（{ $why }）
pf-sim-no-result = シミュレーションで { $action } の結果が返りませんでした
pf-sim-allowed = IAM ポリシーシミュレーターで許可されています{ $by ->
        [none] {""}
       *[other] （{ $by } による）
    }
pf-sim-denied-scp = 組織のサービスコントロールポリシーにより明示的に拒否されています
pf-sim-denied = 明示的に拒否されています{ $by ->
        [none] {""}
       *[other] （{ $by } による）
    }
pf-sim-not-allowed-scp = 組織のサービスコントロールポリシーで許可されていません
pf-sim-boundary = アクセス許可の境界で許可されていません
pf-sim-implicit = 暗黙的に拒否されています：許可するポリシーがありません
pf-policies-failed = アイデンティティポリシーを読めませんでした（{ $call }：{ $why }）
pf-policy-unreadable = ポリシー { $policy } を読めませんでした：{ $why }
pf-probe-template-ok = { $template ->
        [published] 公開されているベンダーテンプレート
       *[shipped] ベンダーテンプレート
    }の GetTemplateSummary が成功しました
pf-probe-template-denied = { $template ->
        [published] 公開されているベンダーテンプレート
       *[shipped] ベンダーテンプレート
    }の GetTemplateSummary が拒否されました
pf-probe-failed = 試行に失敗しました：{ $why }
pf-probe-getrole-nosuch = 存在しないロールへの iam:GetRole に NoSuchEntity が返ったため、この呼び出しは許可されています
pf-probe-getrole-denied = 存在しないロールへの iam:GetRole が拒否されました
pf-probe-getrole-ok = iam:GetRole が応答しました

## インサイト：それぞれの状態と、有効にすることの意味。

insight-ta-enabling = Trusted Advisor のすべてのチェックは、ビジネス、エンタープライズ On-Ramp、エンタープライズのサポートプランで利用できます（AWS は 2027-01-01 からこれらのプランを Business Support+ に置き換えます）。プランの変更は、アカウントの所有者がサポートセンターで行います。
insight-coh-enabling = オプトインは無料です。適切なサイズ設定、Savings Plans、アイドル状態のリソースの推奨事項を集めます。すべてのメンバーアカウントを対象にするには管理アカウントからオプトインしてください。
insight-sh-enabling = リージョンで Security Hub を有効にすると、そこでセキュリティチェックが始まります。30 日間の無料トライアルの後はチェックと検出結果ごとに課金され、AWS Config の記録が必要です。
insight-ta-enabled = このアカウントでは { $count } 件の Trusted Advisor チェックを利用できます。
insight-ta-needs-plan = このアカウントのサポートプランには Trusted Advisor API が含まれていません（SubscriptionRequiredException）。ビジネスまたはエンタープライズのサポートプランが必要です。
insight-denied = { $action } が拒否されたため、状態は不明です。
insight-coh-enabled = このアカウントは Cost Optimization Hub にオプトインしています。
insight-coh-not-enabled = このアカウントは Cost Optimization Hub にオプトインしていません。
insight-sh-enabled = Security Hub は { $region } で有効です{ $since ->
        [none] {""}
       *[other] （{ $since } から）
    }。
insight-sh-not-enabled = Security Hub は { $region } で有効になっていません。

## 「CUR を作成する」「スタックを作成する」：計画の説明。

plan-member-account = メンバーアカウントです。組織の管理アカウントは { $management } です。ここで作成した CUR にはこのアカウントのコストしか含まれません。CUR を作成できるのは管理アカウントだけです。
plan-cur-name-taken = 「{ $name }」という名前の CUR がこのアカウントにすでにあります。置き換えることはありません。別のレポート名を選ぶか、その CUR を使ってください（そのバケットを入力します）。
plan-cur-names-unread = 既存の CUR の名前を読めませんでした（{ $why }）。名前の重複は AWS 自体が拒否します。
plan-create-bucket = us-east-1 に S3 バケット { $bucket } を作成します（非公開、既定で SSE-S3 暗号化）。
plan-new-policy = { $bucket } に、{ $service } が CUR を配信できるバケットポリシーを設定します（下のステートメント）。
plan-bucket-region = バケット { $bucket } は { $region } にあります。レガシー CUR は us-east-1 のバケットに配信する必要があります。別のバケット名を選んでください（us-east-1 に作成されます）。
plan-bucket-location-denied = { $bucket } に対する s3:GetBucketLocation が拒否されたため、バケットを確認できません。AWS 管理者に許可を依頼するか、別のバケット名を選んでください。
plan-bucket-foreign = バケット { $bucket } は別の AWS アカウントのものです。AWS はアカウント { $account } のバケットにしか CUR を配信しません。別のバケット名を選んでください。
plan-bucket-gone = 計画の作成中にバケット { $bucket } がなくなりました。もう一度計画を表示してください。
plan-policy-read-denied = { $bucket } のバケットポリシーの読み取りが拒否された（s3:GetBucketPolicy）ため、配信用ステートメントを安全に統合できません。AWS 管理者に arn:aws:s3:::{ $bucket } に対する s3:GetBucketPolicy と s3:PutBucketPolicy の許可を依頼してください。
plan-keep-policy = { $bucket } のバケットポリシーはそのままにします。すでに { $service } の配信を許可しています。
plan-policy-denies = { $bucket } のバケットポリシーは { $service } の { $actions } を拒否しています。アプリはステートメントを削除しません。そのステートメントを自分で変更してから、もう一度試してください。
plan-merge-policy = { $bucket } のバケットポリシーに、{ $service } の配信を許可するステートメントを 2 つ追加します。既存の { $kept } 件のステートメントは残します。
plan-policy-unmergeable = { $bucket } のバケットポリシーを統合できません：{ $why }。配信用ステートメントは自分で追加してください（aws curs で表示されます）。
plan-create-cur = レガシー CUR「{ $name }」を作成します：時間別、リソース ID と分割コスト配分データあり、{ $format ->
        [parquet] Parquet
       *[gzip-csv] gzip CSV
    }、配信先 { $url }。
plan-then-check = その後、定義とバケットをもう一度確認します。AWS は 24 時間以内に最初のファイルを配信します。
stack-plan-unknown-parameter = { $url } のテンプレートは、アプリが知らないパラメーター { $key } を求めています。ベンダーのテンプレート URL の設定が別のテンプレートを指している可能性があります。
stack-plan-failed-exists = 失敗したスタック { $name } があります（{ $status }）。アプリはスタックを削除しません。CloudFormation コンソール（us-east-1）で削除してから、ここでもう一度作成してください。
stack-plan-exists = スタック { $name } はすでにあります（{ $status }）。置き換えることはありません。「スタックを確認」で状態を追ってください。
stack-plan-create = { $url } から { $region } に CloudFormation スタック { $name } を作成します（{ $capabilities } を承認）。
stack-plan-resources = 作成されるもの：{ $resources }。
stack-plan-follow = その後、完了するまで（または失敗したリソースを示すまで）状態を追います。

## Errors of AWS calls and credentials (aws/errors.rs).
aws-err-no-credentials = 既定の認証情報チェーンに AWS 認証情報が見つかりません（{ $why }）
aws-err-no-credentials-profile = プロファイル { $profile } に AWS 認証情報が見つかりません（{ $why }）
aws-err-credentials-slow = AWS 認証情報を時間内に読み込めませんでした: { $detail }
aws-err-config-invalid = AWS の設定が正しくありません: { $detail }
aws-err-sso-expired = AWS SSO セッションの有効期限が切れています（またはまだサインインしていません）: { $detail }
aws-err-credentials-expired = AWS 認証情報の有効期限が切れています: { $detail }
aws-err-credentials-not-loaded = AWS 認証情報を読み込めませんでした: { $detail }
aws-err-timed-out = { $action } がタイムアウトしました
aws-err-not-signed = { $action } に署名できませんでした: { $detail }
aws-err-unreachable = { $action } のために AWS に接続できませんでした: { $detail }
aws-err-credentials-expired-code = AWS 認証情報の有効期限が切れています（{ $code }: { $detail }）
aws-err-credentials-refused = AWS が認証情報を受け付けませんでした（{ $code }: { $detail }）
aws-err-denied = { $action } が拒否されました（{ $code }: { $detail }）
aws-err-throttled = 再試行しても AWS が { $action } を制限しています（{ $code }）
aws-err-failed = { $action } に失敗しました（{ $code }: { $detail }）
aws-err-denied-403 = { $action } が拒否されました（HTTP 403）
aws-err-http-status = { $action } に失敗しました: サービスがエラーコードなしで HTTP { $status } を返しました
aws-err-other = { $action } に失敗しました: { $detail }
aws-fix-sso-login = `aws sso login --profile { $profile }` を実行してから、もう一度お試しください。
aws-fix-refresh-profile = プロファイル { $profile } の認証情報を更新してから（例: `aws configure --profile { $profile }`、または認証情報を書き込むツールを再実行）、もう一度お試しください。
aws-fix-refresh = AWS 認証情報を更新するか（`aws sso login`、`aws configure`、または新しい AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN）、プロファイルを選んでから、もう一度お試しください。
aws-fix-add-credentials = `aws configure --profile { $profile }`（または `aws configure sso --profile { $profile }`）でプロファイル { $profile } に認証情報を追加するか、別のプロファイルを選んでください。
aws-fix-pick-profile = プロファイルを選ぶか（`channelops aws profiles` で一覧表示）、`aws configure` または `aws configure sso` を実行するか、AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定してください。
aws-fix-network = ネットワーク接続（とプロキシ設定）を確認してから、もう一度お試しください。
aws-fix-config = ~/.aws/config のプロファイルを修正してから（`aws configure list --profile NAME` を参照）、もう一度お試しください。
aws-fix-allow = AWS 管理者に、あなたのユーザーまたはロールに { $action } を許可するよう依頼するか（またはそれを持つプロファイルを使い）、もう一度お試しください。
aws-fix-wait = 1 分ほど待ってから、もう一度お試しください。
aws-fix-check-values = 入力した値を確認してください。正しければ、しばらくしてからもう一度お試しください。
aws-fix-endpoint = エンドポイント { $url } が起動していて接続できることを確認してから、もう一度お試しください。

## Reading a bucket (aws/s3_source.rs).
s3-err-not-s3-uri = 「{ $uri }」は s3:// のアドレスではありません
s3-fix-s3-uri = s3://BUCKET または s3://BUCKET/PREFIX の形で入力してください。
s3-err-location-denied = { $bucket } に対する s3:GetBucketLocation が拒否されたため、リージョンを確認できません
s3-fix-location-denied = AWS 管理者に、arn:aws:s3:::{ $bucket } に対する s3:GetBucketLocation と s3:ListBucket、およびそのオブジェクトに対する s3:GetObject を許可するよう依頼してください。
s3-err-list-denied = s3://{ $bucket }/{ $prefix } の一覧取得が拒否されました（s3:ListBucket）
s3-fix-list-denied = AWS 管理者に、あなたのユーザーまたはロールに arn:aws:s3:::{ $bucket } に対する s3:ListBucket を許可するよう依頼してください。
s3-err-gone = s3://{ $bucket }/{ $key } が読み込み中に消えました
s3-fix-gone = その間にレポートが再配信された可能性があります。「更新」を押してください。
s3-err-cut-off = s3://{ $bucket }/{ $key } の読み込みが途中で切れました: { $detail }
s3-fix-cut-off = ネットワーク接続を確認してから、「更新」を押してください。
s3-kms-key-hidden = （キー ID は表示されません）
s3-err-kms-denied = s3://{ $bucket }/{ $key } は KMS キー { $kms-key } で暗号化されており、あなたの認証情報では復号できない可能性があります
s3-fix-kms-denied = キーの所有者に、キーポリシーであなたのユーザーまたはロールに kms:Decrypt を許可するよう依頼してください（または CUR バケットで SSE-S3 暗号化を使ってください）。
s3-err-get-denied = s3://{ $bucket }/{ $key } の読み込みが拒否されました（s3:GetObject）
s3-fix-get-denied = AWS 管理者に、あなたのユーザーまたはロールに arn:aws:s3:::{ $bucket }/* に対する s3:GetObject を許可するよう依頼してください。
aws-err-config-unreadable = AWS の設定ファイルを読み込めませんでした: { $detail }
aws-fix-config-unreadable = ~/.aws/config と ~/.aws/credentials（または AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE が指すファイル）の書式を修正してください。
aws-err-no-profile = AWS プロファイル「{ $profile }」が AWS の設定ファイルにありません
aws-fix-create-profile = `aws configure --profile { $profile }`（または `aws configure sso --profile { $profile }`）で作成してください。
aws-fix-pick-known-profile = 次のいずれかを選んでください: { $profiles } — または `aws configure --profile { $profile }` で作成してください。
aws-err-empty-variable = 環境変数 { $var } が設定されていますが空です
aws-fix-empty-variable = 設定を解除するか（`unset { $var }`）、エンドポイントの URL を設定してから、アプリを再起動してください。
aws-err-bad-arn = AWS が理解できない呼び出し元 ARN を返しました: { $arn }
aws-fix-bad-arn = この ARN を添えてサポートに報告してください。
aws-err-endless-pages = { $action } がページを返し続けました（{ $max } ページ超）
bucket-err-missing = バケット { $bucket } は存在しません（または別のパーティションに属しています）
bucket-fix-missing = バケット名を確認してください（S3 コンソール、または Data Exports の CUR 設定からコピーしてください）。CUR バケットは us-east-1 に存在する必要があります。
insight-err-unknown = 「{ $name }」はインサイトではありません
insight-fix-unknown = trusted_advisor、cost_optimization_hub、security_hub のいずれかを指定してください。

## "Create the CUR for me" and "Create the stack for me" refused (aws/create_cur.rs, aws/create_stack.rs).
cur-err-bad-name = 「{ $name }」は CUR のレポート名に使えません
cur-fix-bad-name = 英数字と ! - _ . * ' ( ) を 256 文字以内で使ってください（例: channelops-cur）。
cur-err-bad-prefix = 「{ $prefix }」は CUR の S3 プレフィックスに使えません
cur-fix-bad-prefix = 英数字、/ と ! - _ . * ' ( ) を 256 文字以内で使うか（例: cur）、空欄にしてください。
cur-err-refused = CUR を作成できません: { $why }
plan-fix-review = もう一度計画を確認してください。
cur-err-plan-changed = 計画を表示した後にバケットまたはそのポリシーが変更されました
cur-fix-plan-changed = 新しい計画を確認し（「計画をもう一度表示」）、承認してください。
cur-err-bucket-taken = そのバケット名は別の AWS アカウントが使用しています（バケット名は全体で一意です）
cur-fix-bucket-taken = 別のバケット名を選び、もう一度計画を表示してください。
cur-err-incomplete = CUR の定義が不完全です: { $detail }
cur-err-exists = このアカウントには「{ $name }」という名前の CUR がすでにあります
cur-fix-exists = 別のレポート名を選ぶか（既存の CUR が置き換えられることはありません）、既存のものを使ってください。
cur-err-limit = このアカウントの CUR は AWS の上限数に達しています
cur-fix-limit = Data Exports で使わなくなった CUR を削除するか（アプリが削除することはありません）、既存のものを使ってください。
cur-err-refused-by-aws = AWS が CUR の定義を受け付けませんでした: { $detail }
cur-fix-refused-by-aws = レポート名、プレフィックス、バケット（とバケットポリシーが billingreports.amazonaws.com の配信を許可していること）を確認してから、もう一度計画を表示してください。
stack-err-refused = スタックを作成できません: { $why }
stack-err-plan-changed = 計画を表示した後にテンプレートまたはそのパラメータが変更されました
stack-fix-plan-changed = 新しい計画を確認し、承認してください。
stack-err-exists = { $name } という名前のスタックがすでにあります
stack-fix-exists = 置き換えられることはありません。「スタックを確認」で状況を追うか、先にコンソールで削除してください。

## Shared by many errors.
sentences = { $first } { $rest }
sentences-none = （なし）
error-internal = 内部の処理に失敗しました: { $detail }
remedy-report = この問題を報告してください。
remedy-later-or-report = しばらくしてからもう一度お試しください。続く場合はこの問題を報告してください。
remedy-try-again = もう一度お試しください。

## Sign-in and rights (auth.rs); the actions a right is checked for.
auth-err-needs-admin = { $target } の{ $action }には { $who } の管理者が必要です。あなたは { $org } の{ $role ->
    [admin] 管理者
   *[other] 閲覧者
  }です
auth-fix-needs-admin = { $who } の管理者に依頼するか、管理者としてサインインしてください。
auth-err-unknown-kind = 不明な組織の種類「{ $kind }」
auth-fix-unknown-kind = distributor、reseller、customer のいずれかを指定してください。
auth-err-unknown-role = 不明なロール「{ $role }」
auth-fix-unknown-role = admin または viewer を指定してください。
auth-err-salt = パスワードのソルトを作成できません: { $detail }
auth-err-hash = パスワードをハッシュ化できません: { $detail }
auth-err-short-password = パスワードが短すぎます
auth-fix-short-password = { $min } 文字以上のパスワードを選んでください。
auth-err-bad-sign-in = メールアドレスまたはパスワードが正しくありません
auth-fix-bad-sign-in = 両方を確認して、もう一度お試しください。まだアカウントを有効化していない顧客の管理者は、先に招待ファイルをインポートする（またはアクティベーションコードを入力する）必要があります。
auth-err-not-activated = { $email } はまだアカウントを有効化していません
auth-fix-not-activated = 先に有効化してください: 招待ファイルをインポートするか、アクティベーションコードを入力して、パスワードを設定します。
act-invite = 顧客管理者の招待
act-export-report = オンボーディングレポートのエクスポート
act-import-report = オンボーディングレポートのインポート
act-assign-contract = 契約の割り当て
act-change-contract = 契約の変更
act-add-user = ユーザーの追加
act-add-reseller = リセラーの追加
act-add-customer = 顧客の追加
act-edit-customer = 顧客の編集
act-record-validation = 検証結果の記録
act-connect-account = クラウドアカウントの接続
act-change-account = クラウドアカウントの変更

## Part 3 taken in order (connect.rs).
connect-err-no-bucket = AWS アカウント { $account } の CUR バケットはまだ確認されていません
connect-fix-bucket-first = 先にバケットを確認してください（ウィザードのバケットの手順、または `channelops accounts bucket ACCOUNT BUCKET`）。
connect-err-no-stack = AWS アカウント { $account } のベンダースタックはまだ作成されていません
connect-fix-no-stack = スタックを作成し（「AWS CloudFormation コンソールを開く」）、完了するまで待ってから（`channelops accounts stack ACCOUNT`）、もう一度 CUR を一覧表示してください。
connect-err-no-valid-cur = AWS アカウント { $account } の有効な CUR はまだ一覧にありません
connect-fix-no-valid-cur = バケット内の CUR ファイルを一覧表示し（「更新」、または `channelops accounts validate ACCOUNT`）、有効なものを選んでください。
connect-err-not-confirmed = AWS アカウント { $account } には確定した CUR がまだありません
connect-fix-not-confirmed = 先に一覧から有効な CUR を選び、「確定して進む」を押してください。
connect-err-bucket-unset = AWS アカウント { $account } の CUR バケットが設定されていません
connect-err-store-result = 結果を保存できません: { $detail }
connect-err-stored-result = 保存された検証結果を読み込めません: { $detail }
connect-fix-stored-result = CUR の一覧を更新して、もう一度検証してください。
connect-err-not-validated = AWS アカウント { $account } の CUR ファイルはまだ検証されていません
connect-fix-not-validated = バケット内の CUR ファイルを一覧表示し（「更新」）、有効なものを選んでください。
connect-err-not-selectable = 「{ $report }」は最新の検証で有効とされた CUR ではありません
connect-fix-not-selectable = 一覧を更新し、有効と表示されたレポートを選んでください。それ以外のレポートには修正方法が示されています。
lines =
    { $first }
    { $rest }

## What people type (onboarding/input.rs), and the fields it names.
input-err-domain = 「{ $domain }」はドメイン名ではありません
input-fix-domain = 会社のドメインを入力してください（例: example.com。http:// やパスは付けません）。
input-err-email = 「{ $email }」はメールアドレスではありません
input-fix-email = name@example.com のような形式で入力してください。
input-err-name-length = { $what }が空か、長すぎます
input-fix-name-length = { $what }は 1〜{ $max } 文字で入力してください。
input-err-name-control = { $what }に改行などの制御文字が含まれています
input-fix-name-control = { $what }は 1 行のプレーンテキストで入力してください。
input-err-date = { $what }「{ $date }」は日付ではありません
input-fix-date = YYYY-MM-DD の形式で入力してください（例: 2026-12-01）。
field-company-name = 会社名
field-contact-name = 担当者名
field-org-name = 組織名
field-plan = プラン
field-name = 名前
field-start-date = 開始日
field-end-date = 終了日

## Importing customers from CSV (onboarding/import.rs).
import-err-header = CSV のヘッダーを読み込めません: { $detail }
import-fix-header = 1 行目には列名を書いてください。
import-err-columns = CSV に次の列がありません: { $columns }
import-fix-columns = 1 行目は次のようにしてください: name,domain,contact_name,contact_email,parent[,complete_later]
import-err-empty = CSV に行がありません
import-fix-empty = ヘッダーの後に、1 行に 1 社ずつ顧客を追加してください。
import-line-csv = { $line } 行目: { $detail }
import-line-parent = { $line } 行目: 親組織: { $why }
import-line-twice = { $line } 行目: contact_email { $email } がファイル内に 2 回あります
import-line = { $line } 行目: { $why }
import-err-rows =
    { $count } 行をインポートできません:
    { $rows }
import-err-rows-more =
    { $count } 行をインポートできません:
    { $rows }
    … ほか { $more } 行
import-fix-rows = 何もインポートされていません。これらの行を修正（または削除）してから、ファイル全体をもう一度インポートしてください。

## Settings (settings.rs).
settings-err-value = 「{ $value }」は{ $what }ではありません
settings-fix-value = { $key } には{ $what }を指定してください。
settings-kind-account-id = 12 桁の AWS アカウント ID
settings-kind-sns-arn = SNS トピックの ARN
settings-kind-s3-url = https の S3 URL
settings-kind-url = http(s) の URL
settings-err-unknown = 「{ $key }」という設定はありません
settings-fix-unknown = 設定できる項目: { $keys }。
settings-err-not-home = 設定の変更には、このワークスペース自身の組織である { $home } の管理者が必要です。あなたは { $org } のユーザーです
settings-fix-not-home = { $home } の管理者に変更を依頼してください。
settings-err-viewer = 設定の変更には管理者が必要です。あなたは { $org } の閲覧者です
settings-fix-viewer = 組織の管理者に変更を依頼してください。

## Workspaces and contracts (onboarding/workspace.rs, onboarding/contracts.rs).
ws-err-customer-init = 顧客のワークスペースは招待をインポートして作成します
ws-fix-customer-init = `channelops invitation activate FILE` を使ってください。
ws-err-exists = このデータベースにはすでにワークスペースがあります
ws-fix-exists = そのワークスペースにサインインするか、--db で別のデータベースを使ってください。
ws-err-email-taken = { $email } にはすでにアカウントがあります
ws-fix-email-taken = 別のメールアドレスを使ってください。
ws-err-ambiguous = 「{ $name }」という名前の組織が複数あります
ws-fix-ambiguous = 代わりに ID を使ってください（`list` コマンドを参照）。
contract-err-status = 不明な契約ステータス「{ $status }」
contract-fix-status = draft、active、ended のいずれかを指定してください。
contract-err-two-active = { $customer } にはすでに有効な契約があります。顧客の有効な契約は 1 つまでです
contract-fix-two-active = 先に現在の契約を終了（ステータスを ended に）してから、新しい契約を有効にしてください。
contract-err-dates = 終了日が開始日より前です
contract-fix-dates = 開始日以降の終了日を選ぶか、空欄にしてください。
contract-err-none = { $customer } には有効な契約がないため、まだクラウドアカウントを接続できません
contract-fix-none = { $parent }（またはその販売代理店）の管理者が、先に { $customer } に契約を割り当てる必要があります。
contract-its-reseller = その顧客のリセラー

## Hand-over files: invitations, reports, bundles (handover/).
file-err-not-handover = { $path } は ChannelOps の受け渡しファイルではありません
file-err-not-handover-format = { $path } は ChannelOps の受け渡しファイルではありません（形式は「{ $format }」）
file-fix-not-handover = ChannelOps で作成した招待、オンボーディングレポート、または診断バンドルを開いてください。
file-err-write = ファイルを書き込めません: { $detail }
file-err-content = ファイルの内容が想定と異なります（{ $detail }）
file-fix-content = 同じバージョンの ChannelOps で作り直したものを送信者に依頼してください。
file-err-size = ファイルは { $size } バイトで、上限の { $max } バイトを超えています
file-fix-right-file = 正しいファイルを選んだか確認してください。
file-err-not-json = これは ChannelOps の受け渡しファイルではありません（{ $detail }）
file-fix-not-json = 正しいファイルを選んだか、ファイルが編集されていないかを確認してください。
file-err-version = このファイルは別のバージョンの ChannelOps で作成されています（{ $kind } バージョン { $version }）
file-fix-version = このバージョンの ChannelOps で作り直すよう送信者に依頼してください。
file-err-kind = これは「{ $found }」のファイルで、「{ $wanted }」のファイルではありません
file-fix-kind = 正しい種類のファイルを選んでください。
file-err-tampered = ファイルの署名が内容と一致しません。作成後に変更されています
file-fix-tampered = 送信者に新しいコピーを依頼してください。受け渡しファイルは編集しないでください。
bundle-err-malformed = 診断バンドルの形式が正しくありません: { $why }
bundle-fix-malformed = バンドルをもう一度エクスポートするよう顧客に依頼してください。
bundle-why-log = 含まれているログが上限より大きいです
bundle-why-entries = 項目が { $max } 個（上限）を超えています
bundle-why-key = 安全でないオブジェクトキー「{ $key }」
bundle-why-unknown = 不明なオブジェクト「{ $key }」のバイト
bundle-why-base64 = 「{ $key }」のバイトが base64 ではありません（{ $detail }）
bundle-why-outside = 「{ $key }」のバイトがオブジェクトの範囲外にあります
bundle-err-log = ログがバンドルに含められる大きさを超えています
bundle-fix-log = ログを含めずにバンドルをエクスポートしてください。
bundle-err-bytes = 診断バンドルには { $key } の { $start }–{ $end } バイトが含まれていません
bundle-fix-bytes = バンドルには元の判定で読んだ部分だけが含まれています。--deep を付けずに検証するか、ファイルのコピーを依頼してください。
inv-err-expired = この招待は有効期限が切れています
inv-fix-expired = { $reseller } に新しい招待を送るよう依頼してください（顧客 → その顧客 → 招待）。
inv-err-used = この招待はすでに使用されています
inv-fix-used = 有効化のときに設定したパスワードでサインインするか、{ $reseller } に新しい招待を依頼してください。
inv-your-reseller = リセラー
inv-err-code = アクティベーションコードがこの招待と一致しません
inv-fix-code = ウェルカムメッセージのとおりにコードを入力してください（ダッシュや大文字・小文字は区別されません）。
inv-err-content = 招待に無効な名前またはアドレスが含まれています（{ $why }）
inv-fix-content = リセラーに新しい招待を依頼してください。
inv-err-key = この招待は、{ $reseller } が以前の招待に署名したキーで署名されていません
inv-fix-key = { $reseller } が送ったものか確認してください（キーのフィンガープリント { $fingerprint } を照合してください）。
inv-err-code-email = このアクティベーションコードはこのメールアドレスには使えません
inv-fix-code-email = ウェルカムメッセージのとおりにコードを入力するか、招待ファイルをインポートしてください。
inv-err-db-taken = このデータベースにはすでに { $home } のワークスペースがあります
inv-fix-db-taken = 新しいデータベース（別の --db）で、または顧客自身のマシンで招待を有効化してください。
report-err-account-id = レポートに無効な AWS アカウント ID が含まれています
report-fix-fresh = 顧客に新しいレポートを依頼してください。
report-err-state = レポートに不明なアカウント状態が含まれています
report-fix-version = 同じバージョンの ChannelOps で作成した新しいレポートを顧客に依頼してください。
report-err-key-taken = このレポートのキーはすでに別の組織のものです
report-fix-key-taken = 顧客自身のワークスペースで作成したレポートを依頼してください。
report-err-customer = このレポートは { $customer } のものですが、このワークスペースの顧客ではありません
report-fix-customer = この顧客を招待したワークスペースでインポートしてください。
report-err-other-key = このレポートは、{ $customer } の以前のレポートとは別のワークスペースで署名されています（キー { $fingerprint }）
report-fix-other-key = 顧客のマシンから送られたものか確認してください。アプリを設定し直した場合は新しい招待を送ってください。有効化すれば、以降のレポートが新しいキーを証明します。
report-err-unproven = このレポートは、{ $customer } の招待を有効化したワークスペースから来たことを証明していません（キー { $fingerprint }）
report-fix-unproven = 招待のコードで有効化したワークスペースからエクスポートしたレポートを顧客に依頼してください。アプリを設定し直した場合は新しい招待を送ってください。

## Sources of CUR files, links, ids, the workspace key, bounded reads.
source-err-not-folder = { $path } はフォルダではありません
source-fix-not-folder = バケットのキー構成をそのまま写したフォルダか、CUR のデータファイル 1 つを指定してください。
source-err-key = 無効なオブジェクトキー「{ $key }」
source-fix-key = オブジェクトキーは '..' を含まない相対パスである必要があります。
source-err-too-many = { $place } には { $max } 個（上限）を超えるファイルがあります
source-fix-too-many = バケット全体ではなく、レポート自身のプレフィックス（レポート名までのバケットのパス）を検証してください。
source-err-not-file = { $path } は通常のファイルではありません
source-fix-not-file = CUR のデータファイル（.csv、.csv.gz、.csv.zip、.parquet）またはフォルダを指定してください。
parquet-err-stopped = Parquet ファイルの読み込みが予期せず止まりました
parquet-fix-stopped = もう一度検証してください。
cfn-err-template-url = テンプレートの URL が S3 の URL ではありません
cfn-fix-template-url = クイック作成リンクにはテンプレートが S3 にある必要があります（https://BUCKET.s3.REGION.amazonaws.com/KEY）。
cfn-err-link-long = コンソールへのリンクが長すぎます
cfn-fix-link-long = テンプレートの URL またはパラメータの値を短くしてください。
cfn-err-not-console = 「{ $url }」を開くことを拒否しました: 開くのは AWS コンソールへの https リンクだけです
cfn-fix-not-console = ご自身で AWS コンソールを開き、CloudFormation → スタックの作成 に進んでください。
cfn-err-not-mail = 「{ $url }」を開くことを拒否しました: アプリが作成するメールのリンクではありません
cfn-fix-not-mail = ウェルカムメッセージをコピーし、ご自身のメールアプリから送ってください。
ids-err-account = 「{ $id }」は AWS アカウント ID ではありません
ids-fix-account = AWS アカウント ID は 12 桁の数字です（例: 111122223333。AWS コンソールのアカウントメニューに表示されます）。
ids-err-bucket = 「{ $bucket }」は有効な S3 バケット名ではありません
ids-fix-bucket = バケット名は 3〜63 文字の英小文字、数字、ドット、ハイフンで、英数字で始まり英数字で終わります。名前だけを入力してください（s3:// や URL は不要です）。S3 コンソールからコピーしてください。
ids-err-stack = 「{ $name }」は有効なスタック名ではありません
ids-fix-stack = スタック名は英字で始まり、英字、数字、ハイフンだけで 128 文字以内です。
key-err-readable = ワークスペースのキー { $path } をこのコンピューターの他のユーザーが読めます
key-fix-readable = あなただけが読めるようにしてから（chmod 600 { $path }）、もう一度お試しください。
key-err-damaged = ワークスペースのキー { $path } が壊れています
key-fix-damaged = バックアップから復元してください。新しいキーで署名したファイルは、古いキーを信頼しているワークスペースからは信頼されません。
files-err-large = { $path } は { $size } バイト以上あり、{ $what }としては大きすぎます（最大 { $max } バイト）
files-err-not-file = { $path } は通常のファイルではありません
files-fix-not-file = フォルダやデバイスではなく、{ $what }そのものを選んでください。
files-kind-preferences = 設定ファイル
files-kind-handover = 受け渡しファイル
files-kind-csv = 顧客 CSV
auth-err-signed-out = サインインしていません
auth-fix-signed-out = メールアドレスとパスワードでサインインしてください（CLI: --user EMAIL。パスワードは CHANNELOPS_PASSWORD またはプロンプトから）。
bundle-err-nothing = エクスポートできる検証がまだありません
bundle-fix-nothing = 先に検証を実行してください。その後で診断バンドルを保存できます。
customers-err-not-reseller = { $name } は{ $kind ->
    [distributor] 販売代理店
    [customer] 顧客
   *[other] { $kind }
  }で、リセラーではありません
customers-fix-not-reseller = 顧客が所属するリセラーを親組織として選んでください。
customers-fix-email-taken = 顧客管理者には別のメールアドレスを使ってください。
audit-err-viewer = 監査ログは管理者向けです。あなたは { $org } の閲覧者です
audit-fix-viewer = 組織の管理者に依頼してください。
audit-err-not-home = 監査ログは、このワークスペース自身の組織である { $home } の管理者向けです
audit-fix-not-home = 必要な情報はリセラーに依頼してください。
accounts-err-state = 不明なアカウント状態「{ $state }」
accounts-fix-state = `channelops accounts --help` を参照してください。

## The adapters' own errors (CLI, test bridge).
cli-err-needs-user = このコマンドにはサインインしたユーザーが必要です
cli-fix-needs-user = --user EMAIL を付けてください（または CHANNELOPS_USER を設定）。パスワードは CHANNELOPS_PASSWORD またはプロンプトから入力します。
cli-what-password = パスワード
cli-fix-password = CHANNELOPS_PASSWORD を設定するか、ターミナルでコマンドを実行してください。
cli-what-code = アクティベーションコード
cli-fix-code = ウェルカムメッセージのとおりに --code（または CHANNELOPS_CODE）で指定してください。
cli-err-no-terminal = { $what }が必要ですが、入力を求めるターミナルがありません
cli-err-json = 結果を JSON に整形できませんでした: { $detail }
cli-fix-json = --json を付けずにもう一度コマンドを実行し、この問題を報告してください。
cli-err-plan-no-terminal = 計画には確認が必要ですが、確認を求めるターミナルがありません
cli-fix-plan-no-terminal = 計画を読んでから（--dry-run）、--yes を付けてもう一度実行してください。
cli-err-plan-declined = 何も変更していません: 計画が承認されませんでした
cli-fix-plan-declined = もう一度実行して y と答えてください（または --yes を付けてください）。
bridge-err-arguments = { $command } の引数が合いません: { $detail }
bridge-fix-arguments = 生成されたバインディングを通して呼び出してください。

## What was not found (error-not-found's { $what }).
nf-customer = 顧客 { $id }
nf-admin-of = { $customer } の管理者
nf-user = ユーザー { $id }
nf-org = 組織 { $id }
nf-contract = 契約 { $id }
nf-account = クラウドアカウント { $id }
nf-named = { $kind ->
    [distributor] 販売代理店
    [reseller] リセラー
    [customer] 顧客
   *[other] 組織
  }「{ $name }」
either = { $first } または { $rest }
auth-org-of-kind = { $name }（{ $kind ->
    [distributor] 販売代理店
    [reseller] リセラー
   *[customer] 顧客
  }）

## Reading IAM and bucket policies (aws/policy.rs, aws/delivery.rs).
policy-err-json = ポリシードキュメントが JSON ではありません: { $detail }
policy-err-not-object = バケットポリシーが JSON オブジェクトではありません
policy-err-statement-shape = バケットポリシーの Statement がリストでもオブジェクトでもありません
policy-err-no-statement = ポリシードキュメントに Statement がありません
policy-err-effect = ステートメントの Effect が「{ $effect }」です
policy-err-size = { $size } バイトあり、AWS が許可する大きさを超えています
policy-undecided-deny = { $policy } は、ここでは評価できない条件の下でこれを拒否しています
policy-undecided-allow = { $policy } は、ここでは評価できない条件の下でのみこれを許可しています
policy-undecided-action = { $action }: { $reason }

## Why a CUR file or manifest could not be read (cur/: the decoders' guards).
decode-thrift-short = Thrift 構造が途中で終わっています
decode-thrift-varint = Thrift の整数が 10 バイトを超えています
decode-thrift-list = Parquet のメタデータ内のリストが { $size } 個の要素を主張しており、上限の { $max } 個を超えています
decode-thrift-field = Thrift のフィールドの型が想定外です
decode-thrift-field-id = Thrift のフィールド ID が範囲外です
decode-thrift-depth = Parquet のメタデータの入れ子が { $max } 段（上限）を超えています
decode-thrift-map = Parquet のメタデータ内のマップが大きすぎます
decode-thrift-type = 不明な Thrift の型 { $kind }
decode-parquet-row-groups = Parquet の行グループの形式が正しくありません
decode-parquet-chunks = Parquet ファイルが { $max } 個（上限）を超える列チャンクを主張しています
decode-parquet-schema-size = Parquet のスキーマに { $n } 個の要素があり、上限の { $max } 個を超えています
decode-parquet-schema = Parquet のスキーマの形式が正しくありません
decode-parquet-schema-tree = Parquet のスキーマにツリー外の要素があります
decode-parquet-children = Parquet のスキーマ要素が { $children } 個の子を主張していますが、後に続く要素は { $after } 個です
decode-parquet-schema-depth = Parquet のスキーマの入れ子が { $max } 段（上限）を超えています
decode-parquet-page-size = Parquet のページが { $size } バイトを主張しており、ページの上限 { $max } を超えています
decode-parquet-footer-size = Parquet のフッターが { $size } バイトを主張しており、フッターの上限 { $max } を超えています
decode-parquet-footer = Parquet のフッターを受け付けられません: { $why }
decode-parquet = 読み込める Parquet ファイルではありません（{ $detail }）
decode-parquet-projection = Parquet のスキーマを射影できません（{ $detail }）
decode-parquet-data = Parquet のデータを読み込めません（{ $detail }）
decode-row-group = 行グループ { $group } を読み込めません（{ $detail }）
decode-column = 行グループ { $group } の列 { $column } を読み込めません（{ $detail }）
decode-page = 行グループ { $group } の列 { $column } のページが壊れています（{ $detail }）
decode-manifest-size = { $size } バイトあり、マニフェストの上限 { $max } バイトを超えています
decode-not-json = 有効な JSON ではありません（{ $detail }）
decode-not-object = JSON オブジェクトではありません
decode-manifest-content = 想定外の内容です（{ $detail }）
decode-empty = ファイルが空です（0 バイト）
decode-zip-empty = ZIP アーカイブにファイルがありません
decode-zip = 読み込める ZIP アーカイブではありません（{ $detail }）
decode-not-cur = CUR のデータファイルではありません
decode-panic = ファイルをデコードできませんでした（{ $detail }）
decode-unreadable = ファイルを読み込めません（{ $detail }）
decode-wrong-magic = ファイル名は { $kind } ですが、中身は { $kind } のデータではありません
decode-csv-header = CSV のヘッダーを読み込めません（{ $detail }）
decode-csv-columns = CSV のヘッダーに { $n } 列あり、CUR の上限 { $max } 列を超えています
decode-csv-no-header = ファイルに CSV のヘッダーがありません
decode-csv-row = { $row } 行目を読み込めません（{ $detail }）
decode-cancelled = キャンセルされました

## The command line's reports of what it did.
cli-added-customer = 顧客 { $id } を { $parent } の下に追加しました。
cli-activation-code = { $email } のアクティベーションコード（表示は一度だけ、{ $until } まで有効）: { $code }
cli-invitation-file = 招待ファイル: { $path }
cli-send-mail = メールで送る: { $mailto }
cli-updated = { $name } を更新しました。
cli-imported = { $count } 社の顧客をインポートしました。招待は `channelops invitation issue` で発行してください。
cli-added-contract = 契約 { $id } を追加しました（{ $plan }、{ $status }）。
cli-contract-status = 契約 { $id } は { $status } になりました。
cli-activated-sign-in = { $org } の { $email } を有効化しました。--user { $email } でサインインしてください。
cli-invitation-signer = 招待は { $reseller } のキー { $key } で署名されていました。今後 { $reseller } について信頼するのはこのキーだけです。
cli-activated = { $org } の { $email } を有効化しました。
cli-report-file = オンボーディングレポート: { $path }
cli-report-imported = { $customer } のオンボーディングの進捗を更新しました。
cli-report-pinned = { $customer } のワークスペースのキー { $key } で署名されています（招待のコードで証明済み）。今後 { $customer } について信頼するのはこのキーだけです。
cli-report-trusted = { $customer } の信頼済みキー { $key } で署名されています。
cli-added-user = { $email }（{ $role }）を追加しました。
cli-added-reseller = リセラー { $name }（{ $id }）を追加しました。
cli-setting-set = { $key } を設定しました。
cli-added-account = AWS アカウント { $account }（{ $id }）を追加しました。外部 ID は { $external-id } です。
cli-account-state = AWS アカウント { $account } は { $state } になりました。
cli-account-confirmed = AWS アカウント { $account } は CUR { $report } で { $state } になりました。
cli-awaiting-delivery = 「{ $report }」の AWS による最初の配信を待っています（定義の検出: { $since }）。対応は不要です。AWS は 24 時間以内に配信します。その後でもう一度実行してください。
cli-no-profiles = プロファイルがありません: `aws configure` または `aws configure sso` で作成してください。
cli-apply-plan = この計画を適用しますか？ [y/N]

## The vendor stack: what to do next (aws/stack.rs).
stack-next-create = AWS コンソールで「AWS CloudFormation によってカスタム名のついた IAM リソースが作成される場合があることを承認します」にチェックを入れ、「スタックの作成」を押してください。
stack-next-failed = 表示された原因を解消し、CloudFormation コンソールで失敗したスタックを削除してから、もう一度作成してください（「スタックを作成」またはコンソールのリンク）。
stack-next-no-role-output = スタックに RoleArn の出力がありません。ベンダーのテンプレートから作成されていません。削除して、コンソールのリンクを使ってください。
stack-next-role-missing = スタックが示すロールが存在しません。スタックを削除して、もう一度作成してください。
stack-next-done = アクセス用のロールが用意できました。CUR の検証に進んでください。
stack-next-wait = CloudFormation がリソースを作成しています。通常 1〜2 分かかります。
cli-not-checked = 未確認: { $problem }
cli-overview = AWS アカウント { $account } — 確認日時 { $at }
cli-overview-bucket = AWS アカウント { $account } — 確認日時 { $at }、バケット { $bucket } について
cli-definitions = レガシー CUR の定義（cur:DescribeReportDefinitions）:
cli-no-definitions = なし: Data Exports でレガシー CUR エクスポートを作成してください（`channelops aws curs --help` を参照）。
cli-def-other-bucket = 別のバケット
cli-def-wrong = 定義が不適切
cli-def-delivery-failed = 適切 — 配信失敗
cli-def-delivered = 適切 — 配信済み
cli-def-waiting = 適切 — 最初の配信待ち（24 時間以内）
cli-def-right = 適切
cli-exports = Data Exports（bcm-data-exports:ListExports）:
cli-none = なし
cli-bucket-ready = バケット { $bucket } の配信準備: { $ready ->
    [yes] 完了
   *[no] 未完了
  }
cli-statements-to-add = 追加するステートメント:
cli-plan = 計画（承認するまで何も変更しません）:
cli-policy-after = 変更後のバケットポリシー:
cli-cannot-run = 実行できません: { $why }
cli-parameters = パラメータ:
cli-capabilities = 機能 { $capabilities }: { $why }
cli-applied = { $action } { $target }（リクエスト { $request }）
cli-nothing-undone = （上記の変更はそのまま残ります。元に戻したものはありません）
cli-signed-in-as = { $arn } としてサインイン中（アカウント { $account }）
cli-principal = IAM プリンシパル: { $arn }
cli-note = 注: { $note }
cli-account-entered = 入力されたアカウント: { $matches ->
    [yes] 一致
   *[no] 一致しません
  }
cli-organization = 組織: { $detail }
cli-org-role = （{ $role ->
    [management] 管理アカウント
    [member] メンバーアカウント
    [standalone] スタンドアロンアカウント
   *[unknown] 不明
  }）
cli-permissions = 権限:
cli-earlier = 先に確認: { $what }
cli-ready-yes = 準備完了: はい — スタックを作成できます。
cli-ready-no = 準備完了: いいえ
cli-stack-not-created = まだ作成されていません
cli-stack-reason = 理由: { $reason }
cli-stack-failed = 失敗: { $id }（{ $kind }）: { $reason }
cli-stack-role = ロール: { $arn } { $verified ->
    [yes] （存在します）
    [no] （見つかりません）
   *[unknown] （未確認: iam:GetRole が拒否されました）
  }
cli-stack-next = 次の手順: { $next }
cli-ask-code = アクティベーションコード（ウェルカムメッセージに記載）:
cli-ask-new-password = パスワードを決めてください:
cli-ask-password = { $email } のパスワード:
cli-ask-admin-password = { $email } のパスワードを決めてください:
cli-ask-user-password = 新しいユーザー { $email } のパスワード:
cli-decision = { $decision ->
    [allowed] 許可
    [denied] 拒否
   *[not_verified] 未確認
  }
cli-reading = ファイルを読み込み中 { $done }/{ $total }（{ $read } 読み込み済み）
cli-data-folder = データフォルダー: { $path }{ $writable ->
    [yes] {""}
   *[no] {" "}（書き込めません）
  }
