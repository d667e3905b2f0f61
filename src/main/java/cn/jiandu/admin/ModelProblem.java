package cn.jiandu.admin;

/** One thing that keeps a model from going live, said so that an administrator can fix it. */
record ModelProblem(String resource, String elementId, String message) {

    @Override
    public String toString() {
        return resource + "：" + message;
    }
}
