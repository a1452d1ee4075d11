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

## カタログにまだない文（コード内で書かれたままのエラー）。

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
